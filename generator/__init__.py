"""sdkforge: typed, idiomatic Python SDKs from OpenAPI and Swagger descriptions."""

__version__ = "0.1.0"
