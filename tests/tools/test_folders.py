"""Work folders and common arguments for the Python ctests of tests/tools/."""
import argparse
import os
import shutil


def fresh_folder(path):
    """Makes `path` an empty folder, removing what a previous run left there."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)
    os.makedirs(path)


def tool_test_parser():
    """The arguments every ctest of tests/tools/ gets from CMake: the CLI to run,
    the source tree and a work folder; a test adds its own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    return parser
