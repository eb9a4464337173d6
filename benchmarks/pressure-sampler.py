#!/usr/bin/env python3
"""Samples what the machine makes a process wait for, every 100 ms, until stopped.

Usage: benchmarks/pressure-sampler.py OUT.log &   (run it beside a pipeline run, then kill it)

Each line: the wall clock (seconds since the epoch), the kernel's pressure stall totals in microseconds
(/proc/pressure: io "some", io "full", cpu "some") and TCP's retransmitted segments (/proc/net/snmp).
The difference of two lines over their time is the share of that time stalled: io "full" near 100 %
means every task that was not idle waited on the disk. The pipeline benchmark prints when its measured
window opened, so a cluster of slow messages can be lined up with these lines.
"""
import sys
import time


def pressure_totals(resource):
    with open('/proc/pressure/' + resource) as lines:
        return [int(line.split('total=')[1]) for line in lines if line.strip()]


def retransmitted_segments():
    with open('/proc/net/snmp') as lines:
        tcp = [line.split() for line in lines if line.startswith('Tcp:')]
    return int(dict(zip(tcp[0], tcp[1]))['RetransSegs'])


def main(path):
    with open(path, 'a') as out:
        while True:
            io_some, io_full = pressure_totals('io')
            cpu_some = pressure_totals('cpu')[0]
            out.write(f'{time.time():.3f} {io_some} {io_full} {cpu_some} {retransmitted_segments()}\n')
            out.flush()
            time.sleep(0.1)


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
