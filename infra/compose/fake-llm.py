#!/usr/bin/env python3
"""An OpenAI-compatible fake for local development (docker compose): POST /v1/chat/completions
answers every CRM LLM tool with a short, valid JSON draft, so the `openai` provider path (the
HTTP client, streaming, token counting, checks) can be tried without a model. Standard library
only. Not for production: the drafts are canned, not written from the request.

PORT (default 8089) sets the port.
"""

import json
import os
import re
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def answer(system, user):
    """A draft of the shape the tool's system prompt asks for."""
    try:
        job = json.loads(user)
    except ValueError:
        job = {}
    brief = str(job.get("brief") or "our next event")[:120]
    if '"subject"' in system:
        return {
            "subject": "An invitation from the team",
            "preheader": "A short note about " + brief[:80],
            "html": "<p>Hello,</p><p>We would like to tell you about " + brief.replace("<", "") + ".</p>",
            "text": "Hello,\n\nWe would like to tell you about " + brief + ".",
        }
    if '"network"' in system:
        network = re.search(r'"network": "([a-z_]+)"', system)
        return {"network": network.group(1) if network else "linkedin", "text": "News: " + brief[:200]}
    if '"sections"' in system:
        return {
            "title": brief[:60] or "Sign up",
            "sections": [
                {"kind": "hero", "heading": brief[:80] or "Welcome", "body": "Join us.", "cta_label": "Sign me up"},
                {"kind": "form", "heading": "Your details", "body": "We reply within a day.", "cta_label": "Sign me up"},
            ],
        }
    if '"summary"' in system:
        return {
            "summary": "A contact in the CRM. This briefing comes from the local fake model.",
            "next_steps": ["Call to follow up on the last conversation."],
            "talking_points": [],
            "sentiment": "neutral",
            "sources": [],
        }
    return {}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        messages = body.get("messages", [])
        system = next((m["content"] for m in messages if m.get("role") == "system"), "")
        user = next((m["content"] for m in messages if m.get("role") == "user"), "")
        content = json.dumps(answer(system, user))
        usage = {"prompt_tokens": len(system + user) // 4, "completion_tokens": len(content) // 4}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        created = int(time.time())
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for i in range(0, len(content), 40):
                chunk = {"id": "fake", "object": "chat.completion.chunk", "created": created, "model": body.get("model"),
                         "choices": [{"index": 0, "delta": {"content": content[i:i + 40]}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            last = {"id": "fake", "object": "chat.completion.chunk", "created": created, "choices": [], "usage": usage}
            self.wfile.write(f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n".encode())
            return
        reply = {
            "id": "fake", "object": "chat.completion", "created": created, "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": usage,
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8089"))
    print(f"fake LLM on :{port}/v1/chat/completions", flush=True)
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
