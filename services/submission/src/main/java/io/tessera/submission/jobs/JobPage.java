package io.tessera.submission.jobs;

import java.util.List;

/** One page of jobs, newest first. */
public record JobPage(List<JobView> items, int page, int size, long total) {
}
