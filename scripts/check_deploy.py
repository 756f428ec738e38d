#!/usr/bin/env python3
"""Static checks of Dockerfile and docker-compose.yml (no Docker engine runs here)."""
import re
import pathlib
import sys

try:
    import yaml
except ImportError:  # a fresh machine: the test script installs PyYAML into .venv
    sys.exit("PyYAML missing")

root = pathlib.Path(__file__).resolve().parent.parent
errors = []

compose = yaml.safe_load((root / "docker-compose.yml").read_text())
services = compose.get("services", {})
for name in ("backend", "surrealdb"):
    if name not in services:
        errors.append(f"docker-compose.yml: service '{name}' missing")
backend = services.get("backend", {})
env = backend.get("environment", {})
if not str(env.get("CRM__DATABASE__URL", "")).startswith("ws://surrealdb:"):
    errors.append("backend must reach SurrealDB over ws://surrealdb:PORT")
if backend.get("build", {}).get("dockerfile") != "Dockerfile":
    errors.append("backend must build from Dockerfile")
if "surrealdb" not in (backend.get("depends_on") or {}):
    errors.append("backend must depend on surrealdb")
for name, svc in services.items():
    if "image" not in svc and "build" not in svc:
        errors.append(f"service {name} has neither image nor build")
    for port in svc.get("ports", []):
        host, _, container = str(port).partition(":")
        if not (host.isdigit() and container.isdigit()):
            errors.append(f"service {name}: bad port mapping {port}")

dockerfile = (root / "Dockerfile").read_text().splitlines()
instructions = [l.split()[0].upper() for l in dockerfile if l.strip() and not l.lstrip().startswith("#")]
known = {"FROM", "RUN", "COPY", "WORKDIR", "ENV", "EXPOSE", "USER", "VOLUME", "ENTRYPOINT", "CMD", "HEALTHCHECK", "ARG"}
continued = False
for line in dockerfile:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        continue
    word = stripped.split()[0].upper()
    if not continued and word not in known:
        errors.append(f"Dockerfile: unknown instruction {word}")
    continued = stripped.endswith("\\")
if not instructions or instructions[0] != "FROM":
    errors.append("Dockerfile must start with FROM")
if instructions.count("FROM") < 2:
    errors.append("Dockerfile should be multi-stage (build + slim runtime)")
for needed in ("EXPOSE", "ENTRYPOINT"):
    if needed not in instructions:
        errors.append(f"Dockerfile lacks {needed}")
if instructions.count("FROM") < 3 or "frontend/out" not in "\n".join(dockerfile):
    errors.append("Dockerfile should build the dashboard (frontend/out) in its own stage")
# The build stage needs every workspace member and every path the workspace patches crates with.
copied = {l.split()[1].rstrip("/") for l in dockerfile if l.strip().upper().startswith("COPY ") and "--from" not in l}
workspace = (root / "Cargo.toml").read_text()
needed_dirs = set(re.findall(r'members\s*=\s*\[([^\]]*)\]', workspace)[0].replace('"', "").replace(" ", "").split(","))
needed_dirs |= {p.split("/")[0] for p in re.findall(r'path\s*=\s*"([^"]+)"', workspace)}
for d in sorted(x for x in needed_dirs if x):
    if d not in copied:
        errors.append(f"Dockerfile does not COPY {d}/, which the Cargo workspace needs")
if "CRM__SERVER__DASHBOARD_DIR" not in "\n".join(dockerfile):
    errors.append("Dockerfile must point CRM__SERVER__DASHBOARD_DIR at the copied dashboard")
frontend = services.get("frontend")
if frontend is not None and "3000:3000" not in [str(p) for p in frontend.get("ports", [])]:
    errors.append("the frontend dev service must publish port 3000 (the CORS default origin)")
for src in ("backend", "Cargo.toml", "Cargo.lock", "frontend/package.json", "frontend/package-lock.json"):
    if not (root / src).exists():
        errors.append(f"Dockerfile copies {src}, which does not exist")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("deploy files: ok (docker-compose.yml services: " + ", ".join(services) + ")")
