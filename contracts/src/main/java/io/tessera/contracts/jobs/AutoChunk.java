package io.tessera.contracts.jobs;

/**
 * {@code chunk: auto}: segmentation sizes chunks so that a task takes about {@code targetSeconds}, from measured
 * frame times (a probe task first, or the history of the same scene), and re-chunks the remaining frames once real
 * timings arrive.
 */
public record AutoChunk(Integer targetSeconds) {
}
