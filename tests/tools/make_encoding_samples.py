#!/usr/bin/env python3
"""Writes samples/encodings/: sample plans as offices typed them before
Unicode — TCVN3 (ABC, the .VnTime fonts), VNI-Windows, VISCII and
Windows-1258 — from the UTF-8 samples, so that they can be regenerated.

usage: make_encoding_samples.py ENCODE_LEGACY SAMPLES_DIR OUT_DIR
(SAMPLES_DIR: samples/, holding plans/ and check/)
(ENCODE_LEGACY: the tests/tools/encode_legacy program of a build)
"""
import os, subprocess, sys

# (sample, encodings): every encoding once, the commonest (TCVN3, VNI) twice.
# A clean plan in each; two plans with findings, whose diagnostics must be
# found through the decoding as in UTF-8.
PLAN = [
    ("plans/01-huyen-huong-son", ["tcvn3", "vni", "viscii", "windows-1258"]),
    ("plans/02-tinh-ha-tinh", ["tcvn3", "vni"]),
    ("check/c01-huyen-lam-ha-tre-han", ["tcvn3"]),
    ("check/c04-huyen-bat-dau-truoc-co-so", ["vni"]),
]


def main():
    encoder, samples, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    for name, encodings in PLAN:
        utf8 = open(os.path.join(samples, name + ".txt"), "rb").read()
        for enc in encodings:
            data = subprocess.run([encoder, enc], input=utf8, capture_output=True, check=True).stdout
            with open(os.path.join(out, f"{os.path.basename(name)}.{enc}.txt"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
