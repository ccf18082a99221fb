"""Every surface offers every summary setting, under the same name and with the same limits.

The CLI's summarize and batch commands and the service's request body are generated from
``SummarizeOptions``; these tests walk what each surface really exposes (click's parameters,
the OpenAPI schema) and fail when one lacks a setting another has, or limits it otherwise.
"""

from typing import Any

import click
import pytest

from newsgist.cli import cli
from newsgist.options import SummarizeOptions, option_names, settings

CONVENIENCE = {"model"}  # --model is short for --method-option model=FILE
SUMMARIZE_ONLY = {"output_format", "include_body", "output", "source"}
FETCH = {"allow_private", "allow_networks", "fetch_timeout", "connect_timeout"}
FETCH |= {"max_redirects", "user_agent", "ca_bundle"}


def _params(command: str) -> dict[str, click.Parameter]:
    return {p.name: p for p in cli.commands[command].params if p.name}


def _schema() -> dict[str, dict[str, Any]]:
    from newsgist.server import create_app

    spec = create_app().openapi()
    body = spec["paths"]["/v1/summarize"]["post"]["requestBody"]["content"]["application/json"]
    ref = body["schema"]["$ref"].rsplit("/", 1)[-1]
    properties: dict[str, dict[str, Any]] = spec["components"]["schemas"][ref]["properties"]
    return properties


@pytest.mark.parametrize("command", ["summarize", "batch"])
def test_the_cli_has_every_setting_and_nothing_unaccounted(command):
    params = set(_params(command))
    assert set(option_names()) <= params
    extra = params - set(option_names()) - CONVENIENCE
    if command == "summarize":
        assert extra == SUMMARIZE_ONLY | FETCH
    else:
        assert extra == {"source", "output", "workers", "text_field", "id_field", "timings"} | {
            "resume",
            "engine",
            "address",
        }


def test_the_api_has_every_setting_and_nothing_unaccounted():
    properties = set(_schema())
    assert properties == set(option_names()) | {"text", "html", "url", "include_body"}


def test_limits_are_the_same_on_every_surface():
    schema = _schema()
    params = _params("summarize")
    for name, _, setting in settings():
        if setting.kind not in ("int", "float"):
            continue
        prop = schema[name]
        numeric = next(
            (p for p in prop.get("anyOf", [prop]) if "type" in p and p["type"] != "null"), prop
        )
        assert (numeric.get("minimum"), numeric.get("maximum")) == (setting.low, setting.high), name
        kind = params[name].type
        assert isinstance(kind, click.IntRange | click.FloatRange), name
        assert (kind.min, kind.max) == (setting.low, setting.high), name


def test_choices_are_the_same_on_every_surface():
    schema = _schema()
    params = _params("summarize")
    for name, _, setting in settings():
        if setting.choices is None:
            continue
        enum = schema[name]["enum"]
        assert isinstance(enum, list)
        assert [c for c in enum if c is not None] == list(setting.choices()), name
        kind = params[name].type
        if isinstance(kind, click.Choice):
            assert list(kind.choices) == list(setting.choices()), name


def test_defaults_are_the_same_on_every_surface():
    schema = _schema()
    params = _params("summarize")
    defaults = SummarizeOptions().to_dict()
    for name in option_names():
        if name == "method_options":
            continue
        assert schema[name].get("default") == defaults[name], name
        assert params[name].default == defaults[name], name
