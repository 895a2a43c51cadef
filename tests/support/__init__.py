"""Helpers shared by the test suites (servers, fixtures); not collected as tests."""
