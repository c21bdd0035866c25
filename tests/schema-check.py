#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate JSON files against a JSON Schema.

Usage: schema-check.py SCHEMA FILE...

Checks the schema itself first (check_schema), then every FILE. Prints one line per
problem as `FILE: path: message` and exits 0 when everything is valid, 1 otherwise
(2 for a usage error). Uses python3-jsonschema (4.10 on Debian 12): the draft 2020-12
validator when the module has it, else the validator the schema's "$schema" asks for.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("schema-check.py: the python3 'jsonschema' module is missing "
                     "(Debian: apt-get install python3-jsonschema)\n")
    sys.exit(1)


def json_path(parts):
    """Render a jsonschema path deque as events[12].areas[0].stage."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += "[%d]" % part
        else:
            out += ("." if out else "") + str(part)
    return out or "(root)"


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator_class(schema):
    cls = getattr(jsonschema, "Draft202012Validator", None)
    if cls is not None:
        return cls
    return jsonschema.validators.validator_for(schema)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: schema-check.py SCHEMA FILE...\n")
        return 2

    schema_path, files = argv[1], argv[2:]
    try:
        schema = load_json(schema_path)
    except (OSError, ValueError, RecursionError) as e:
        print("%s: (root): cannot read the schema: %s" % (schema_path, e))
        return 1

    cls = validator_class(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("%s: %s: the schema is not a valid %s schema: %s"
              % (schema_path, json_path(e.absolute_path), cls.__name__, e.message))
        return 1

    validator = cls(schema)
    ok = True
    for path in files:
        try:
            instance = load_json(path)
        except (OSError, ValueError, RecursionError) as e:
            print("%s: (root): not readable JSON: %s" % (path, e))
            ok = False
            continue

        try:
            errors = sorted(validator.iter_errors(instance),
                            key=lambda e: [str(p) for p in e.absolute_path])
        except RecursionError:
            print("%s: (root): nested too deeply to validate" % path)
            ok = False
            continue
        for error in errors:
            print("%s: %s: %s" % (path, json_path(error.absolute_path), error.message))
            ok = False

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
