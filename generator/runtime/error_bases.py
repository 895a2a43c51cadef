"""What the client's exceptions derive from besides their own hierarchy: nothing more here.

A package generated with the Azure compatibility surface gets another version of this module
(`runtime/azure/error_bases.py`), whose bases are azure-core's exceptions when azure-core is
installed, so that `except azure.core.exceptions.HttpResponseError` catches them.
"""

from __future__ import annotations

from typing import Any

BaseSdkError = Exception
BaseServiceRequestError = Exception
BaseServiceResponseError = Exception
BaseHttpResponseError = Exception
BaseResourceNotFoundError = Exception
BaseResourceExistsError = Exception
BaseClientAuthenticationError = Exception
BaseResourceModifiedError = Exception
BaseResourceNotModifiedError = Exception
BaseDecodeError = Exception


def describe(error: Any, response: Any) -> None:
    """Add what the flavour adds to an HttpResponseError (nothing here)."""
