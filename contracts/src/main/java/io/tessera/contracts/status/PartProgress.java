package io.tessera.contracts.status;

/** How many tasks of one part of a job (tiles, passes, chunks, assemblies, composites) succeeded, of how many. */
public record PartProgress(int done, int total) {
}
