# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Opens network connections: the grader's loopback, the host, the internet, DNS."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import socket

for host, port in [("127.0.0.1", int("@@PORT@@")), ("@@HOSTIP@@", int("@@PORT@@")), ("1.1.1.1", 80),
                   ("8.8.8.8", 53)]:
    try:
        with socket.create_connection((host, port), timeout=2) as conn:
            conn.sendall(b"stolen answers")
            print("connected to", host)
    except OSError as exc:
        print("no connection to", host, exc)
try:
    print(socket.gethostbyname("pypi.org"))
except OSError as exc:
    print("no DNS", exc)


def fixRowTwo(A):
    return A
