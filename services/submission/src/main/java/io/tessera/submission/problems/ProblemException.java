package io.tessera.submission.problems;

/** Ends a REST request with the given problem details. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** @param problem the problem details to answer with */
    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    /** The problem details to answer with. */
    public Problem problem() {
        return problem;
    }
}
