#!/bin/sh
# An ffmpeg that dies the way a broken or killed encoder does: for the retry tests.
echo "simulated encoder crash" >&2
exit 137
