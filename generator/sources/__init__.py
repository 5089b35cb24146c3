"""Readers of WordPress input: each turns files into raw JSON items, touching nothing else."""
