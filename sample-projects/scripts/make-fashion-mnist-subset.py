#!/usr/bin/env python3
"""Makes the small Fashion-MNIST subset that ships with the fashion-mnist-mlp sample.

Reads the full dataset from the Debian package dataset-fashion-mnist (IDX files, gzip) and writes the first
PER_CLASS_TRAIN training images and PER_CLASS_TEST test images of every class, in their original order, as IDX gzip
files with the same names. The output is byte-for-byte reproducible (gzip header time is 0).

    apt-get install dataset-fashion-mnist
    python3 sample-projects/scripts/make-fashion-mnist-subset.py
"""
import gzip
import os
import struct
import sys

SOURCE = "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fashion-mnist-mlp", "data")
PER_CLASS_TRAIN = 600
PER_CLASS_TEST = 100


def read_idx(path, expected_magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        sys.exit(f"{path}: magic number {magic:#x}, expected {expected_magic:#x}")
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def write_idx(path, magic, dims, payload):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write(header + payload)


def subset(prefix, per_class):
    (n, rows, cols), pixels = read_idx(os.path.join(SOURCE, f"{prefix}-images-idx3-ubyte.gz"), 0x803)
    (n_labels,), labels = read_idx(os.path.join(SOURCE, f"{prefix}-labels-idx1-ubyte.gz"), 0x801)
    if n != n_labels:
        sys.exit(f"{prefix}: {n} images but {n_labels} labels")
    taken = {c: 0 for c in range(10)}
    keep = []
    for i, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            keep.append(i)
    size = rows * cols
    images = b"".join(pixels[i * size:(i + 1) * size] for i in keep)
    kept_labels = bytes(labels[i] for i in keep)
    write_idx(os.path.join(TARGET, f"{prefix}-images-idx3-ubyte.gz"), 0x803, (len(keep), rows, cols), images)
    write_idx(os.path.join(TARGET, f"{prefix}-labels-idx1-ubyte.gz"), 0x801, (len(keep),), kept_labels)
    print(f"{prefix}: kept {len(keep)} of {n} images ({per_class} per class)")


if __name__ == "__main__":
    if not os.path.isdir(SOURCE):
        sys.exit(f"{SOURCE} not found: install it with 'apt-get install dataset-fashion-mnist'")
    os.makedirs(TARGET, exist_ok=True)
    subset("train", PER_CLASS_TRAIN)
    subset("t10k", PER_CLASS_TEST)
