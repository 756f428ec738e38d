#!/usr/bin/env python3
"""Offline checks of infra/: the Kubernetes overlays rendered (a kustomize equivalent for the
features the files use), every object validated against the Kubernetes schema of the pinned
cluster version, checkov's policies on the rendered manifests and on the Terraform files (each
skip justified inline), and the Terraform files parsed with only declared variables referenced.

Usage: check_infra.py [--render DIR]   (--render writes the overlays' manifests to DIR and stops)
"""

import base64
import copy
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
INFRA = ROOT / "infra"
# The GKE REGULAR channel's version the manifests are written for.
KUBERNETES_VERSION = "1.31.0"
CLUSTER_SCOPED = {"Namespace", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding"}


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def merge(base, patch):
    """A strategic merge patch as kustomize applies it to the fields used here: maps merge, lists
    of maps with a `name` merge by name, other lists are replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = merge(base[k], v) if k in base else copy.deepcopy(v)
        return out
    if isinstance(base, list) and isinstance(patch, list):
        named = all(isinstance(x, dict) and "name" in x for x in base + patch)
        if named and (base or patch):
            out = [copy.deepcopy(x) for x in base]
            for item in patch:
                for i, existing in enumerate(out):
                    if existing["name"] == item["name"]:
                        out[i] = merge(existing, item)
                        break
                else:
                    out.append(copy.deepcopy(item))
            return out
    return copy.deepcopy(patch)


def containers(obj):
    spec = obj.get("spec", {})
    if obj["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    pod = spec.get("template", {}).get("spec", {})
    return pod.get("containers", []) + pod.get("initContainers", [])


def render(directory):
    """The objects a kustomization in `directory` produces."""
    directory = pathlib.Path(directory)
    k = yaml.safe_load((directory / "kustomization.yaml").read_text())
    known = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas",
             "secretGenerator", "generatorOptions", "patches"}
    unknown = set(k) - known
    if unknown:
        raise SystemExit(f"{directory}: kustomization fields this renderer does not know: {sorted(unknown)}")
    objects = []
    for r in k.get("resources", []):
        path = directory / r
        objects += render(path) if path.is_dir() else load_all(path)
    for g in k.get("secretGenerator", []):
        data = {}
        for literal in g.get("literals", []):
            key, value = literal.split("=", 1)
            data[key] = base64.b64encode(value.encode()).decode()
        objects.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": g["name"]}, "type": "Opaque", "data": data})
    for p in k.get("patches", []):
        for patch in load_all(directory / p["path"]):
            target = [o for o in objects if o["kind"] == patch["kind"] and o["metadata"]["name"] == patch["metadata"]["name"]]
            if len(target) != 1:
                raise SystemExit(f"{directory}/{p['path']}: no single {patch['kind']}/{patch['metadata']['name']} to patch")
            i = objects.index(target[0])
            objects[i] = merge(objects[i], patch)
    for r in k.get("replicas", []):
        for o in objects:
            if o["metadata"]["name"] == r["name"] and o["kind"] in ("Deployment", "StatefulSet"):
                o["spec"]["replicas"] = r["count"]
    for img in k.get("images", []):
        for o in objects:
            for c in containers(o) if o["kind"] in ("Deployment", "StatefulSet", "CronJob") else []:
                name, _, tag = c["image"].partition(":")
                if name == img["name"]:
                    c["image"] = f"{img.get('newName', name)}:{img.get('newTag', tag or 'latest')}"
    for group in k.get("labels", []):
        for o in objects:
            o["metadata"].setdefault("labels", {}).update(group["pairs"])
    if "namespace" in k:
        for o in objects:
            if o["kind"] not in CLUSTER_SCOPED:
                o["metadata"]["namespace"] = k["namespace"]
    return objects


def check_kubernetes(errors, out_dir):
    import kubernetes_validate

    for overlay in sorted((INFRA / "kubernetes" / "overlays").iterdir()):
        objects = render(overlay)
        names = [f"{o['kind']}/{o['metadata']['name']}" for o in objects]
        target = out_dir / f"{overlay.name}.yaml"
        target.write_text(yaml.safe_dump_all(objects, sort_keys=False))
        for o in objects:
            try:
                kubernetes_validate.validate(o, KUBERNETES_VERSION, strict=True)
            except kubernetes_validate.ValidationError as e:
                errors.append(f"{overlay.name}: {o['kind']}/{o['metadata']['name']}: {e.message} at {list(e.path)}")
        for kind in ("Deployment", "StatefulSet", "Service", "Ingress", "HorizontalPodAutoscaler",
                     "PodDisruptionBudget", "NetworkPolicy", "CronJob", "ServiceAccount", "ConfigMap"):
            if not any(n.startswith(kind + "/") for n in names):
                errors.append(f"{overlay.name}: no {kind}")
        print(f"kubernetes {overlay.name}: {len(objects)} objects valid for {KUBERNETES_VERSION}: {', '.join(names)}")


def check_terraform(errors):
    import hcl2

    declared, text = set(), ""
    for tf in sorted((INFRA / "terraform").glob("*.tf")):
        with open(tf) as f:
            doc = hcl2.load(f)
        for block in doc.get("variable", []):
            declared.update(block.keys())
        text += tf.read_text()
        if "\t" in tf.read_text() or tf.read_text().rstrip("\n") != tf.read_text().rstrip():
            errors.append(f"{tf.name}: tabs or trailing blank lines (terraform fmt style)")
    used = set(re.findall(r"\bvar\.([A-Za-z_][A-Za-z0-9_]*)", text))
    for name in sorted(used - declared):
        errors.append(f"terraform: var.{name} is used but not declared")
    for name in sorted(declared - used):
        errors.append(f"terraform: variable {name} is declared but not used")
    print(f"terraform: {len(declared)} variables declared, all references declared")


def run_checkov(errors, out_dir):
    checkov = pathlib.Path(sys.executable).parent / "checkov"
    runs = [("kubernetes", out_dir), ("terraform", INFRA / "terraform")]
    for framework, path in runs:
        cmd = [str(checkov), "-d", str(path), "--framework", framework, "--quiet", "--compact", "-o", "json"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError:
            errors.append(f"checkov {framework} did not report: {done.stderr[-2000:]}")
            continue
        reports = report if isinstance(report, list) else [report]
        failed = [c for r in reports for c in r.get("results", {}).get("failed_checks", [])]
        passed = sum(r.get("summary", {}).get("passed", 0) for r in reports)
        skipped = sum(r.get("summary", {}).get("skipped", 0) for r in reports)
        for c in failed:
            errors.append(f"checkov {framework}: {c['check_id']} {c['check_name']} ({c.get('resource')})")
        print(f"checkov {framework}: {passed} passed, {len(failed)} failed, {skipped} skipped (justified inline)")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--render":
        out = pathlib.Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        for overlay in sorted((INFRA / "kubernetes" / "overlays").iterdir()):
            (out / f"{overlay.name}.yaml").write_text(yaml.safe_dump_all(render(overlay), sort_keys=False))
        return
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp)
        check_kubernetes(errors, out)
        check_terraform(errors)
        run_checkov(errors, out)
    if errors:
        print("infra checks failed:\n  " + "\n  ".join(errors))
        sys.exit(1)
    print("infra: ok")


if __name__ == "__main__":
    main()
