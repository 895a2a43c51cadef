"""The harness itself: the server answers, counts scenarios, and listens on loopback only."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import httpx
import pytest

from tests.testserver import coverage
from tests.testserver.server import SWAGGER_DIR, TestServer

TCP_LISTEN = "0A"


def test_bool_true_is_served_and_counted(testserver: TestServer) -> None:
    before = testserver.report("vanilla")["getBoolTrue"]

    response = httpx.get(f"{testserver.url}/bool/true")

    assert response.status_code == 200
    assert response.json() is True
    assert testserver.report("vanilla")["getBoolTrue"] == before + 1


def test_rejected_request_is_not_counted(testserver: TestServer) -> None:
    before = testserver.report("vanilla")["putBoolTrue"]

    response = httpx.put(f"{testserver.url}/bool/true", json=False)

    assert response.status_code == 400
    assert testserver.report("vanilla")["putBoolTrue"] == before


def test_hit_is_on_disk_when_the_response_arrives(testserver: TestServer) -> None:
    httpx.put(f"{testserver.url}/bool/false", json=False).raise_for_status()

    on_disk = coverage.read_reports(testserver.coverage_dir)

    assert on_disk["vanilla"]["putBoolFalse"] >= 1


def test_scenarios_csv_matches_the_server(testserver: TestServer) -> None:
    scenarios = coverage.load_scenarios()
    for category in coverage.categories(scenarios):
        listed = {s.name for s in scenarios if s.report == category}
        assert listed == set(testserver.report(category)), category


def test_scenarios_and_floor_name_real_swagger_files() -> None:
    named = {s.swagger_file for s in coverage.load_scenarios() if s.swagger_file}
    named |= set(coverage.load_floor())
    missing = sorted(name for name in named if not (SWAGGER_DIR / name).is_file())
    assert missing == []


def _listening_addresses(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of sockets listening on `port`."""
    found = []
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == TCP_LISTEN:
                found.append(address)
    return found


def test_listens_on_127_0_0_1_only(testserver: TestServer) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp on this system")

    # /proc/net/tcp prints IPv4 addresses as little-endian hex: 127.0.0.1 is 0100007F.
    assert _listening_addresses(testserver.port) == ["0100007F"]


def _non_loopback_ipv4() -> str | None:
    candidates: set[str] = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe, contextlib.suppress(OSError):
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        candidates.add(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        candidates.update(socket.gethostbyname_ex(socket.gethostname())[2])
    usable = sorted(a for a in candidates if not a.startswith("127.") and a != "0.0.0.0")
    return usable[0] if usable else None


def _accepts(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=2):
            return True
    except OSError:
        return False


def test_not_reachable_on_a_non_loopback_address(testserver: TestServer) -> None:
    address = _non_loopback_ipv4()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as control:
        control.bind((address, 0))
        control.listen()
        # Unless something local can reach `address`, a refused connection would prove nothing.
        assert _accepts(address, control.getsockname()[1]), f"{address} is not reachable locally"

    assert not _accepts(address, testserver.port)
    assert _accepts("127.0.0.1", testserver.port)
