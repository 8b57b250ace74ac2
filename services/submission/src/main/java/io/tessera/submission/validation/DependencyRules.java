package io.tessera.submission.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of {@code dependsOn}: a list of ids of existing jobs of the same studio, each at most once, never the
 * job itself. Because a dependency must exist before its dependent is accepted, and an accepted job's dependencies
 * never change, the dependencies of all jobs form a graph without cycles.
 */
public final class DependencyRules {

    /** The most jobs one job may depend on. */
    public static final int MAX_DEPENDENCIES = 100;

    /** The rule of an id that names no stored job. */
    public static final String UNKNOWN_JOB = "unknown job";
    /** The rule of an id that names a job of another studio. */
    public static final String OTHER_STUDIO = "belongs to another studio";
    /** The rule of an id that names the job itself. */
    public static final String SELF = "a job cannot depend on itself";

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private DependencyRules() {
    }

    /**
     * The rules that need no database: shape, duplicates, and an id equal to the request's own requestId.
     *
     * @return the ids without duplicates, empty when absent
     */
    static List<String> syntax(List<String> dependsOn, String requestId, List<Violation> errors) {
        if (dependsOn == null || dependsOn.isEmpty()) {
            return List.of();
        }
        if (dependsOn.size() > MAX_DEPENDENCIES) {
            errors.add(new Violation("dependsOn", "must list at most " + MAX_DEPENDENCIES + " jobs"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < dependsOn.size(); i++) {
            String id = dependsOn.get(i);
            String field = "dependsOn[" + i + "]";
            if (id == null || !JOB_ID.matcher(id).matches()) {
                errors.add(new Violation(field, "must be a job id"));
            } else if (seen.containsKey(id)) {
                errors.add(new Violation(field, "duplicates dependsOn[" + seen.get(id) + "] ('" + id + "')"));
            } else if (id.equals(requestId)) {
                errors.add(new Violation(field, SELF));
            } else {
                seen.put(id, i);
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The rules that need the stored jobs.
     *
     * @param studio     the studio of the new job
     * @param dependsOn  the checked ids ({@link #syntax})
     * @param studioOf   the studio of every stored job among {@code dependsOn}, by job id
     * @param ownJobId   the id of the job this request describes when it is a repeat of a known requestId, else null
     * @return every violation, empty when all dependencies are acceptable
     */
    public static List<Violation> check(String studio, List<String> dependsOn, Map<String, String> studioOf,
            String ownJobId) {
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < dependsOn.size(); i++) {
            String id = dependsOn.get(i);
            String field = "dependsOn[" + i + "]";
            if (id.equals(ownJobId)) {
                errors.add(new Violation(field, SELF));
            } else if (!studioOf.containsKey(id)) {
                errors.add(new Violation(field, UNKNOWN_JOB + " '" + id + "'"));
            } else if (!studioOf.get(id).equals(studio)) {
                errors.add(new Violation(field, OTHER_STUDIO));
            }
        }
        return errors;
    }
}
