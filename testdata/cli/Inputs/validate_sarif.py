#!/usr/bin/env python3
"""Structural validator for SARIF 2.1.0 logs, written from the OASIS SARIF 2.1.0 JSON schema
(sarif-schema-2.1.0.json) for the objects ptrcheck emits: required properties, property types,
enumerations, minimums, additionalProperties=false, and the cross-references the schema cannot
express (ruleIndex -> rule id).  No network and no jsonschema package are needed.

usage: validate_sarif.py FILE.sarif   -> prints "valid" or the problems, exit 1 on problems."""
import json
import re
import sys

URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$|^[^\s:]*(/[^\s]*)?$")
PROPS = {"$ref": "propertyBag"}

# object name -> (required, {property: type-spec}); type-specs: "string", "int>=N", "bool", "uri",
# ("enum", [...]), ("array", spec[, minItems]), ("map", spec), object name, "any".
SCHEMA = {
    "sarifLog": (["version", "runs"], {"$schema": "uri", "version": ("enum", ["2.1.0"]),
                                        "runs": ("array", "run"), "inlineExternalProperties": "any",
                                        "properties": "propertyBag"}),
    "run": (["tool"], {"tool": "tool", "results": ("array", "result"), "invocations": ("array", "invocation"),
                       "originalUriBaseIds": ("map", "artifactLocation"), "columnKind":
                       ("enum", ["utf16CodeUnits", "unicodeCodePoints"]), "artifacts": "any", "properties": "propertyBag"}),
    "tool": (["driver"], {"driver": "toolComponent", "extensions": "any", "properties": "propertyBag"}),
    "toolComponent": (["name"], {"name": "string", "version": "string", "semanticVersion": "string",
                                 "informationUri": "uri", "rules": ("array", "reportingDescriptor"),
                                 "fullName": "string", "organization": "string", "properties": "propertyBag"}),
    "reportingDescriptor": (["id"], {"id": "string", "name": "string", "shortDescription": "multiformatMessageString",
                                     "fullDescription": "multiformatMessageString", "help": "multiformatMessageString",
                                     "helpUri": "uri", "defaultConfiguration": "reportingConfiguration",
                                     "properties": "propertyBag"}),
    "reportingConfiguration": ([], {"enabled": "bool", "level": ("enum", ["none", "note", "warning", "error"]),
                                    "rank": "any", "parameters": "any", "properties": "propertyBag"}),
    "multiformatMessageString": (["text"], {"text": "string", "markdown": "string", "properties": "propertyBag"}),
    "message": ([], {"text": "string", "markdown": "string", "id": "string", "arguments": ("array", "string"),
                     "properties": "propertyBag"}),
    "result": (["message"], {"ruleId": "string", "ruleIndex": "int>=-1", "level":
                             ("enum", ["none", "note", "warning", "error"]), "message": "message",
                             "locations": ("array", "location"), "relatedLocations": ("array", "location"),
                             "fixes": ("array", "fix"), "partialFingerprints": ("map", "string"),
                             "codeFlows": ("array", "codeFlow"),
                             "fingerprints": ("map", "string"), "properties": "propertyBag"}),
    "codeFlow": (["threadFlows"], {"message": "message", "threadFlows": ("array", "threadFlow", 1),
                                   "properties": "propertyBag"}),
    "threadFlow": (["locations"], {"id": "string", "message": "message", "locations": ("array", "threadFlowLocation", 1),
                                   "initialState": "any", "immutableState": "any", "properties": "propertyBag"}),
    "threadFlowLocation": ([], {"index": "int>=-1", "location": "location", "stack": "any", "kinds": ("array", "string"),
                                "taxa": "any", "module": "string", "state": "any", "nestingLevel": "int>=0",
                                "executionOrder": "int>=-1", "executionTimeUtc": "string", "importance":
                                ("enum", ["important", "essential", "unimportant"]), "webRequest": "any",
                                "webResponse": "any", "properties": "propertyBag"}),
    "location": ([], {"id": "int>=-1", "physicalLocation": "physicalLocation", "message": "message",
                      "logicalLocations": "any", "annotations": "any", "relationships": "any",
                      "properties": "propertyBag"}),
    "physicalLocation": ([], {"artifactLocation": "artifactLocation", "region": "region", "contextRegion": "region",
                              "address": "any", "properties": "propertyBag"}),
    "artifactLocation": ([], {"uri": "uri", "uriBaseId": "string", "index": "int>=-1",
                              "description": "message", "properties": "propertyBag"}),
    "region": ([], {"startLine": "int>=1", "startColumn": "int>=1", "endLine": "int>=1", "endColumn": "int>=1",
                    "charOffset": "int>=-1", "charLength": "int>=0", "byteOffset": "int>=-1", "byteLength": "int>=0",
                    "snippet": "any", "message": "message", "sourceLanguage": "string", "properties": "propertyBag"}),
    "fix": (["artifactChanges"], {"description": "message", "artifactChanges": ("array", "artifactChange", 1),
                                  "properties": "propertyBag"}),
    "artifactChange": (["artifactLocation", "replacements"], {"artifactLocation": "artifactLocation",
                                                              "replacements": ("array", "replacement", 1),
                                                              "properties": "propertyBag"}),
    "replacement": (["deletedRegion"], {"deletedRegion": "region", "insertedContent": "artifactContent",
                                        "properties": "propertyBag"}),
    "artifactContent": ([], {"text": "string", "binary": "string", "rendered": "any", "properties": "propertyBag"}),
    "invocation": (["executionSuccessful"], {"executionSuccessful": "bool", "commandLine": "string",
                                             "arguments": ("array", "string"), "exitCode": "int>=-2147483648",
                                             "toolExecutionNotifications": ("array", "notification"),
                                             "toolConfigurationNotifications": ("array", "notification"),
                                             "workingDirectory": "artifactLocation", "properties": "propertyBag"}),
    "notification": (["message"], {"message": "message", "level": ("enum", ["none", "note", "warning", "error"]),
                                   "locations": ("array", "location"), "descriptor": "any", "associatedRule": "any",
                                   "exception": "any", "threadId": "any", "timeUtc": "string",
                                   "properties": "propertyBag"}),
}

errors = []


def check(value, spec, path):
    if spec == "any":
        return
    if spec == "propertyBag":
        if not isinstance(value, dict):
            errors.append(f"{path}: property bag must be an object")
        elif "tags" in value and (not isinstance(value["tags"], list) or
                                  not all(isinstance(t, str) for t in value["tags"])):
            errors.append(f"{path}.tags: must be an array of strings")
        return
    if spec == "string":
        if not isinstance(value, str):
            errors.append(f"{path}: expected a string")
        return
    if spec == "bool":
        if not isinstance(value, bool):
            errors.append(f"{path}: expected a boolean")
        return
    if spec == "uri":
        if not isinstance(value, str) or not URI.match(value) or " " in value:
            errors.append(f"{path}: not a URI reference: {value!r}")
        return
    if isinstance(spec, str) and spec.startswith("int>="):
        if not isinstance(value, int) or isinstance(value, bool) or value < int(spec[5:]):
            errors.append(f"{path}: expected an integer {spec[3:]}")
        return
    if isinstance(spec, tuple):
        kind = spec[0]
        if kind == "enum":
            if value not in spec[1]:
                errors.append(f"{path}: {value!r} is not one of {spec[1]}")
        elif kind == "array":
            if not isinstance(value, list):
                errors.append(f"{path}: expected an array")
                return
            if len(spec) > 2 and len(value) < spec[2]:
                errors.append(f"{path}: needs at least {spec[2]} item(s)")
            for i, v in enumerate(value):
                check(v, spec[1], f"{path}[{i}]")
        elif kind == "map":
            if not isinstance(value, dict):
                errors.append(f"{path}: expected an object")
                return
            for k, v in value.items():
                check(v, spec[1], f"{path}.{k}")
        return
    required, props = SCHEMA[spec]
    if not isinstance(value, dict):
        errors.append(f"{path}: expected a {spec} object")
        return
    for r in required:
        if r not in value:
            errors.append(f"{path}: {spec} requires '{r}'")
    for k, v in value.items():
        if k not in props:
            errors.append(f"{path}: property '{k}' is not allowed in {spec}")
        else:
            check(v, props[k], f"{path}.{k}")


def semantic(log):
    for ri, run in enumerate(log.get("runs", [])):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [r.get("id") for r in rules]
        if len(set(ids)) != len(ids):
            errors.append(f"runs[{ri}]: duplicate rule ids")
        bases = run.get("originalUriBaseIds", {})
        for name, art in bases.items():
            uri = art.get("uri", "")
            if not uri.endswith("/"):
                errors.append(f"runs[{ri}].originalUriBaseIds.{name}: a base URI must end with '/'")
        for i, res in enumerate(run.get("results", [])):
            where = f"runs[{ri}].results[{i}]"
            if "ruleIndex" in res:
                idx = res["ruleIndex"]
                if not (0 <= idx < len(rules)) or rules[idx].get("id") != res.get("ruleId"):
                    errors.append(f"{where}: ruleIndex {idx} does not name rule {res.get('ruleId')!r}")
            msg = res.get("message", {})
            if "text" not in msg and "id" not in msg:
                errors.append(f"{where}.message: needs 'text' or 'id'")
            for loc in res.get("locations", []) + res.get("relatedLocations", []):
                art = loc.get("physicalLocation", {}).get("artifactLocation", {})
                if "uriBaseId" in art and art["uriBaseId"] not in bases:
                    errors.append(f"{where}: uriBaseId {art['uriBaseId']!r} is not in originalUriBaseIds")
            for fix in res.get("fixes", []):
                for ch in fix.get("artifactChanges", []):
                    for rep in ch.get("replacements", []):
                        reg = rep.get("deletedRegion", {})
                        if "startLine" not in reg and "charOffset" not in reg and "byteOffset" not in reg:
                            errors.append(f"{where}: deletedRegion needs a start")


def main():
    with open(sys.argv[1]) as f:
        log = json.load(f)
    check(log, "sarifLog", "$")
    semantic(log)
    if errors:
        print("\n".join(errors))
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
