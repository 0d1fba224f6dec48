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
# Every sample plan in TCVN3 and VNI but 04, whose look-alike letters and
# signs (its point is the messy text) no legacy encoding writes.
PLAN = [
    ("plans/01-huyen-huong-son", ["tcvn3", "vni", "viscii", "windows-1258"]),
    ("plans/02-tinh-ha-tinh", ["tcvn3", "vni"]),
    ("plans/03-xa-van-nghia-2019", ["tcvn3", "vni"]),
    ("plans/05-quan-ba-dinh", ["tcvn3", "vni"]),
    ("plans/06-thanh-uy-2020", ["tcvn3", "vni"]),
    ("plans/07-bao-cao-tien-do-utf16", ["tcvn3", "vni"]),
    ("plans/08-xa-moi-ct45", ["tcvn3", "vni"]),
    ("check/c01-huyen-lam-ha-tre-han", ["tcvn3"]),
    ("check/c04-huyen-bat-dau-truoc-co-so", ["vni"]),
]


def utf8_of(raw):
    """The sample's text as UTF-8 (07 is UTF-16 with a BOM)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16").encode("utf-8")
    return raw


def main():
    encoder, samples, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    for name, encodings in PLAN:
        utf8 = utf8_of(open(os.path.join(samples, name + ".txt"), "rb").read())
        for enc in encodings:
            data = subprocess.run([encoder, enc], input=utf8, capture_output=True, check=True).stdout
            with open(os.path.join(out, f"{os.path.basename(name)}.{enc}.txt"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
