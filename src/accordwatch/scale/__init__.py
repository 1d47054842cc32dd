"""Scaling out: the same extract + store path, with extraction partitioned over a Dask cluster."""
