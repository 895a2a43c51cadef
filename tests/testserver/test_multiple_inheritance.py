"""multiple-inheritance.json: a model with two parents (allOf of two definitions)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("multiple-inheritance.json")


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.MultipleInheritanceServiceClient(endpoint=testserver.url) as service:
        yield service


def test_classes_have_both_parents(m: ModuleType) -> None:
    assert issubclass(m.Cat, m.Pet) and issubclass(m.Cat, m.Feline)
    assert issubclass(m.Kitten, m.Cat) and issubclass(m.Horse, m.Pet)


def test_pet(client: Any, m: ModuleType, testserver: TestServer) -> None:
    assert client.get_pet() == m.Pet(name="Peanut")
    answer = accepted(
        testserver, "MultipleInheritancePetPut", lambda: client.put_pet(m.Pet(name="Butter"))
    )
    assert answer == "Pet was correct!"


def test_horse(client: Any, m: ModuleType, testserver: TestServer) -> None:
    assert client.get_horse() == m.Horse(name="Fred", is_a_show_horse=True)
    answer = accepted(
        testserver,
        "MultipleInheritanceHorsePut",
        lambda: client.put_horse(m.Horse(name="General", is_a_show_horse=False)),
    )
    assert answer == "Horse was correct!"


def test_feline(client: Any, m: ModuleType, testserver: TestServer) -> None:
    assert client.get_feline() == m.Feline(meows=True, hisses=True)
    answer = accepted(
        testserver,
        "MultipleInheritanceFelinePut",
        lambda: client.put_feline(m.Feline(meows=False, hisses=True)),
    )
    assert answer == "Feline was correct!"


def test_cat(client: Any, m: ModuleType, testserver: TestServer) -> None:
    cat = client.get_cat()
    assert cat == m.Cat(name="Whiskers", likes_milk=True, meows=True, hisses=True)
    body = m.Cat(name="Boots", likes_milk=False, meows=True, hisses=False)
    answer = accepted(testserver, "MultipleInheritanceCatPut", lambda: client.put_cat(body))
    assert answer == "Cat was correct!"


def test_kitten(client: Any, m: ModuleType, testserver: TestServer) -> None:
    kitten = client.get_kitten()
    assert kitten == m.Kitten(
        name="Gatito", likes_milk=True, meows=True, hisses=True, eats_mice_yet=False
    )
    body = m.Kitten(name="Kitty", likes_milk=False, meows=True, hisses=False, eats_mice_yet=True)
    answer = accepted(testserver, "MultipleInheritanceKittenPut", lambda: client.put_kitten(body))
    assert answer == "Kitten was correct!"
