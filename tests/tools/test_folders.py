"""Work folders for the Python ctests of tests/tools/."""
import os
import shutil


def fresh_folder(path):
    """Makes `path` an empty folder, removing what a previous run left there."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)
    os.makedirs(path)
