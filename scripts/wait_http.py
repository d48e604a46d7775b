"""Wait until a URL answers HTTP 200, or give up after a timeout. Usage: wait_http.py URL SECONDS [PID]"""
import os
import sys
import time
import urllib.request

url, limit = sys.argv[1], float(sys.argv[2])
pid = int(sys.argv[3]) if len(sys.argv) > 3 else None
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    if pid is not None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(f"the process {pid} serving {url} exited before it answered")
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.5)
sys.exit(f"{url} did not answer within {limit:.0f} s")
