"""A script written for azure-mgmt-compute 39 (`pip install azure-mgmt-compute`), using only
what that package documents for virtual machine scale sets.

`test_azure_mgmt_parity.py` runs it, unchanged, against the sdkforge client generated from the
2024-11-01 compute spec: the test makes that package answer to `azure.mgmt.compute`, and it is
the only thing the script is given besides a credential and the URL of a local server.
"""

from __future__ import annotations

from typing import Any

from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.mgmt.compute import ComputeManagementClient
from azure.mgmt.compute.models import (
    ImageReference,
    Sku,
    UpgradePolicy,
    VirtualMachineScaleSet,
    VirtualMachineScaleSetOSProfile,
    VirtualMachineScaleSetStorageProfile,
    VirtualMachineScaleSetVMInstanceIDs,
    VirtualMachineScaleSetVMProfile,
)


class ScaleSetMissingError(HttpResponseError):
    """How a caller tells its own missing scale sets apart (with `error_map`)."""


def run(credential: Any, subscription_id: str, base_url: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    with ComputeManagementClient(credential, subscription_id, base_url=base_url) as client:
        scale_sets = client.virtual_machine_scale_sets
        rolling = client.virtual_machine_scale_set_rolling_upgrades

        seen["list"] = [vmss.id for vmss in scale_sets.list("rgcompute", logging_enable=True)]

        vmss = scale_sets.get(
            "myResourceGroup",
            "myVirtualMachineScaleSet",
            headers={"x-ms-client-request-id": "parity-get"},
        )
        seen["get"] = (
            vmss.name,
            vmss.location,
            vmss.sku.capacity,
            vmss.upgrade_policy.mode,
            vmss.provisioning_state,
        )

        parameters = VirtualMachineScaleSet(
            location="westus",
            sku=Sku(name="Standard_D1_v2", tier="Standard", capacity=3),
            upgrade_policy=UpgradePolicy(mode="Manual"),
            overprovision=True,
            virtual_machine_profile=VirtualMachineScaleSetVMProfile(
                os_profile=VirtualMachineScaleSetOSProfile(
                    computer_name_prefix="parity", admin_username="azureuser"
                ),
                storage_profile=VirtualMachineScaleSetStorageProfile(
                    image_reference=ImageReference(
                        publisher="MicrosoftWindowsServer",
                        offer="WindowsServer",
                        sku="2016-Datacenter",
                        version="latest",
                    )
                ),
            ),
        )
        poller = scale_sets.begin_create_or_update("myResourceGroup", "{vmss-name}", parameters)
        created = poller.result()
        seen["create"] = (poller.done(), poller.status(), created.provisioning_state)

        started = scale_sets.begin_start(
            "rgcompute",
            "aaaaaaaaaaaaaaaaaaaaaa",
            VirtualMachineScaleSetVMInstanceIDs(instance_ids=["0", "1"]),
        )
        seen["start"] = started.result()
        again = scale_sets.begin_start(
            resource_group_name="rgcompute",
            vm_scale_set_name="aaaaaaaaaaaaaaaaaaaaaa",
            vm_instance_i_ds=VirtualMachineScaleSetVMInstanceIDs(instance_ids=["2"]),
        )
        seen["start_again"] = again.result()

        status = rolling.get_latest("rgcompute", "aaaaaaaaaaaaaaaaaaaaaaaaa")
        seen["latest"] = (status.location, status.tags)

        cancel = rolling.begin_cancel("rgcompute", "aaaaaa", polling=False)
        token = cancel.continuation_token()
        resumed = rolling.begin_cancel("rgcompute", "aaaaaa", continuation_token=token)
        seen["cancel"] = (cancel.result(), resumed.result(), resumed.done())

        try:
            scale_sets.get("myResourceGroup", "no-such-scale-set")
        except ResourceNotFoundError as err:
            seen["not_found"] = (err.status_code, err.error.code, err.reason)

        try:
            scale_sets.get("myResourceGroup", "gone", error_map={404: ScaleSetMissingError})
        except ScaleSetMissingError as err:
            seen["mapped"] = (type(err).__name__, err.status_code, err.error.code)

        try:
            rolling.get_latest("rgcompute", "nothing-rolling")
        except HttpResponseError as err:
            seen["http_error"] = (err.status_code, err.error.code, "nothing-rolling" in err.message)
    return seen
