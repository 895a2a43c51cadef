"""xml-service.json: XML bodies (attributes, wrapped and unwrapped lists, root lists, empty
elements, x-ms-text, names taken from referenced models), the storage-style operations, and the
JSON operations of the same spec."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, counted, run_async, submodule
from tests.testserver.server import TestServer

UTC = dt.UTC
EXPIRES = dt.datetime(2018, 2, 28, 0, 40, 0, 123000, tzinfo=UTC)


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("xml-service.json")


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def xml(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestSwaggerBATXMLService(endpoint=testserver.url) as service:
        yield service.xml


def _slideshow(m: ModuleType) -> Any:
    return m.Slideshow(
        title="Sample Slide Show",
        date="Date of publication",
        author="Yours Truly",
        slides=[
            m.Slide(type="all", title="Wake up to WonderWidgets!", items_=[]),
            m.Slide(
                type="all",
                title="Overview",
                items_=["Why WonderWidgets are great", "", "Who buys WonderWidgets"],
            ),
        ],
    )


def test_simple(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    with counted(testserver, "GetSimpleXML"):
        assert xml.get_simple() == _slideshow(m)
    accepted(testserver, "PutSimpleXML", lambda: xml.put_simple(_slideshow(m)))


def test_wrapped_lists(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    barrel = m.AppleBarrel(good_apples=["Fuji", "Gala"], bad_apples=["Red Delicious"])
    with counted(testserver, "GetWrappedXMLList"):
        assert xml.get_wrapped_lists() == barrel
    accepted(testserver, "PutWrappedXMLList", lambda: xml.put_wrapped_lists(barrel))


def test_empty_lists(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    with counted(testserver, "GetEmptyXMLList", "GetEmptyWrappedXMLList"):
        assert xml.get_empty_list() == m.Slideshow(slides=[])
        assert xml.get_empty_wrapped_lists() == m.AppleBarrel(good_apples=[], bad_apples=[])
    accepted(testserver, "PutEmptyXMLList", lambda: xml.put_empty_list(m.Slideshow(slides=[])))
    accepted(
        testserver,
        "PutEmptyWrappedXMLList",
        lambda: xml.put_empty_wrapped_lists(m.AppleBarrel(good_apples=[], bad_apples=[])),
    )


def _bananas(m: ModuleType) -> list[Any]:
    return [
        m.Banana(name="Cavendish", flavor="Sweet", expiration=EXPIRES),
        m.Banana(name="Plantain", flavor="Savory", expiration=EXPIRES),
    ]


def test_root_lists(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    with counted(testserver, "GetXMLListAtRoot", "GetXMLListAtRootSingle", "GetEmptyXMLListAtRoot"):
        assert xml.get_root_list() == _bananas(m)
        assert xml.get_root_list_single_item() == _bananas(m)[:1]
        assert xml.get_empty_root_list() == []
    accepted(testserver, "PutXMLListAtRoot", lambda: xml.put_root_list(_bananas(m)))
    accepted(
        testserver, "PutXMLListAtRootSingle", lambda: xml.put_root_list_single_item(_bananas(m)[:1])
    )
    accepted(testserver, "PutEmptyXMLListAtRoot", lambda: xml.put_empty_root_list([]))


def test_empty_child_element_is_an_empty_string(
    xml: Any, m: ModuleType, testserver: TestServer
) -> None:
    banana = m.Banana(
        name="Unknown Banana",
        flavor="",
        expiration=dt.datetime(2012, 2, 24, 0, 53, 52, 789000, tzinfo=UTC),
    )
    with counted(testserver, "GetXMLEmptyNode"):
        assert xml.get_empty_child_element() == banana
    accepted(testserver, "PutXMLEmptyNode", lambda: xml.put_empty_child_element(banana))


def test_element_names_from_referenced_models(
    xml: Any, m: ModuleType, testserver: TestServer
) -> None:
    no_meta = m.RootWithRefAndNoMeta(ref_to_model=m.ComplexTypeNoMeta(id="myid"), something="else")
    with_meta = m.RootWithRefAndMeta(
        ref_to_model=m.ComplexTypeWithMeta(id="myid"), something="else"
    )
    # The property is written as <XMLComplexTypeWithMeta>, the referenced model's XML name.
    assert b"<XMLComplexTypeWithMeta>" in with_meta.to_xml()
    assert b"<RefToModel>" in no_meta.to_xml()
    with counted(testserver, "GetRootWithRefAndNoMetaXML", "GetRootWithRefAndMetaXML"):
        assert xml.get_complex_type_ref_no_meta() == no_meta
        assert xml.get_complex_type_ref_with_meta() == with_meta
    accepted(
        testserver, "PutRootWithRefAndNoMetaXML", lambda: xml.put_complex_type_ref_no_meta(no_meta)
    )
    accepted(
        testserver,
        "PutRootWithRefAndMetaXML",
        lambda: xml.put_complex_type_ref_with_meta(with_meta),
    )


def test_x_ms_text(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    with counted(testserver, "GetWithXMsText"):
        data = xml.get_xms_text()
    assert data == m.ObjectWithXMsTextProperty(language="english", content="I am text")
    assert m.ObjectWithXMsTextProperty.from_xml(data.to_xml()) == data


def test_bytes_and_url(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    with counted(testserver, "XmlGetBytes", "XmlGetUrl"):
        got_bytes = xml.get_bytes()
        got_url = xml.get_uri()
    assert got_bytes == m.ModelWithByteProperty(bytes_=b"Hello world")
    assert got_url == m.ModelWithUrlProperty(url="https://myaccount.blob.core.windows.net/")
    accepted(testserver, "XmlPutBytes", lambda: xml.put_binary(got_bytes))
    accepted(testserver, "XmlPutUrl", lambda: xml.put_uri(got_url))


def test_json_operations_in_an_xml_spec(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    accepted(testserver, "jsonInputInXMLSwagger", lambda: xml.json_input(m.JSONInput(id=42)))
    assert accepted(testserver, "jsonOutputInXMLSwagger", xml.json_output) == m.JSONOutput(id=42)


def test_list_containers(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    listing = accepted(testserver, "StorageListContainersXML", xml.list_containers)
    assert listing.service_endpoint == "https://myaccount.blob.core.windows.net/"
    assert (listing.max_results, listing.next_marker) == (3, "video")
    assert [c.name for c in listing.containers] == ["audio", "images", "textfiles"]
    first = listing.containers[0].properties
    assert first.last_modified == dt.datetime(2016, 10, 26, 20, 39, 39, tzinfo=UTC)
    assert first.etag == "0x8CACB9BD7C6B1B2"
    assert first.public_access is m.PublicAccessType.CONTAINER
    assert listing.containers[1].properties.public_access is None


def _service_properties(m: ModuleType) -> Any:
    retention = m.RetentionPolicy(enabled=True, days=7)
    return m.StorageServiceProperties(
        logging=m.Logging(
            version="1.0", delete=True, read=False, write=True, retention_policy=retention
        ),
        hour_metrics=m.Metrics(
            version="1.0", enabled=True, include_apis=False, retention_policy=retention
        ),
        minute_metrics=m.Metrics(
            version="1.0", enabled=True, include_apis=True, retention_policy=retention
        ),
    )


def test_service_properties(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    got = accepted(testserver, "StorageGetServicePropertiesXML", xml.get_service_properties)
    assert got == _service_properties(m)
    accepted(
        testserver,
        "StoragePutServicePropertiesXML",
        lambda: xml.put_service_properties(_service_properties(m)),
    )


def test_container_acls(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    acls = [
        m.SignedIdentifier(
            id="MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=",
            access_policy=m.AccessPolicy(
                start=dt.datetime(2009, 9, 28, 8, 49, 37, 123000, tzinfo=UTC),
                expiry=dt.datetime(2009, 9, 29, 8, 49, 37, 123000, tzinfo=UTC),
                permission="rwd",
            ),
        )
    ]
    assert accepted(testserver, "StorageGetContainerACLXML", xml.get_acls) == acls
    accepted(testserver, "StoragePutContainerACLXML", lambda: xml.put_acls(acls))


def test_list_blobs(xml: Any, m: ModuleType, testserver: TestServer) -> None:
    listing = accepted(testserver, "StorageListBlobsXML", xml.list_blobs)
    assert listing.container_name == "https://myaccount.blob.core.windows.net/mycontainer"
    assert listing.next_marker == ""
    blobs = listing.blobs.blob
    assert [b.name for b in blobs] == [
        "blob1.txt",
        "blob2.txt",
        "blob2.txt",
        "blob2.txt",
        "blob3.txt",
    ]
    assert listing.blobs.blob_prefix == []
    first = blobs[0]
    assert first.snapshot is None and blobs[1].snapshot == "2009-09-09T09:20:03.0427659Z"
    assert first.metadata == {
        "Color": "blue",
        "BlobNumber": "01",
        "SomeMetadataName": "SomeMetadataValue",
    }
    assert blobs[1].metadata["x-ms-invalid-name"] == "nasdf$@#$$"
    properties = first.properties
    assert properties.content_length == 100
    assert properties.content_encoding == "" and properties.content_md5 == ""
    assert properties.blob_type is m.BlobType.BLOCK_BLOB
    assert properties.lease_status is m.LeaseStatusType.UNLOCKED
    assert blobs[4].properties.blob_sequence_number == 3
    # Elements the spec does not declare (<Url>) are kept with the blob.
    assert first._unknown["Url"] == "https://myaccount.blob.core.windows.net/mycontainer/blob1.txt"


def test_async_client_reads_and_writes_xml(
    package: ModuleType, m: ModuleType, testserver: TestServer
) -> None:
    async def calls(service: Any) -> Any:
        slideshow = await service.xml.get_simple()
        await service.xml.put_simple(slideshow)
        return slideshow

    aio = submodule(package, "aio")
    with counted(testserver, "GetSimpleXML", "PutSimpleXML"):
        slideshow = run_async(aio.AutoRestSwaggerBATXMLService, testserver.url, calls)
    assert slideshow == _slideshow(m)
