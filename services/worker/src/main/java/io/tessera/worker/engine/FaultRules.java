package io.tessera.worker.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed value of {@code tessera.worker.faults}: comma-separated rules
 * {@code <action>:frame=<n>:attempts=<n>|always}, e.g. {@code fail:frame=7:attempts=2,hang:frame=11:attempts=1}.
 * {@code action} is {@code fail} or {@code hang}; {@code frame} is a frame number (at least 1) and at most one rule
 * names it; {@code attempts} is the last attempt number affected (at least 1) or {@code always}. Both keys are
 * required, in any order; nothing else is allowed. A spec that breaks a rule is rejected with a message naming the
 * property, the rule and what is wrong.
 */
public final class FaultRules {

    /** The configuration key. */
    public static final String PROPERTY = "tessera.worker.faults";

    private final List<FaultRule> rules;

    private FaultRules(List<FaultRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException naming {@link #PROPERTY}, the rule and what is wrong with it
     */
    public static FaultRules parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(PROPERTY + ": must list at least one rule such as "
                    + "fail:frame=7:attempts=2, was empty");
        }
        List<FaultRule> rules = new ArrayList<>();
        Set<Integer> frames = new HashSet<>();
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            FaultRule rule = parseRule(entries[i].trim(), i + 1);
            if (!frames.add(rule.frame())) {
                throw invalid(i + 1, rule.text(), "frame " + rule.frame() + " already has a rule (one rule per frame)");
            }
            rules.add(rule);
        }
        return new FaultRules(rules);
    }

    /** The rules, in the order configured. */
    public List<FaultRule> rules() {
        return rules;
    }

    /** The rule affecting this attempt of the request's task, if any (the first one covering one of its frames). */
    public Optional<FaultRule> affecting(RenderRequest request) {
        int attempt = request.outputs().attempt();
        return rules.stream()
                .filter(rule -> rule.affects(request.frameStart(), request.frameEnd(), attempt))
                .findFirst();
    }

    @Override
    public String toString() {
        return String.join(",", rules.stream().map(FaultRule::text).toList());
    }

    private static FaultRule parseRule(String text, int position) {
        String[] parts = text.split(":", -1);
        FaultRule.Action action = switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> FaultRule.Action.FAIL;
            case "hang" -> FaultRule.Action.HANG;
            default -> throw invalid(position, text, "must start with fail or hang, was '" + parts[0].trim() + "'");
        };
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", -1);
            String key = pair[0].trim();
            if (pair.length != 2 || key.isEmpty()) {
                throw invalid(position, text, "'" + parts[i] + "' is not key=value");
            }
            if (!key.equals("frame") && !key.equals("attempts")) {
                throw invalid(position, text, "unknown key '" + key + "' (allowed: frame, attempts)");
            }
            if (fields.put(key, pair[1].trim()) != null) {
                throw invalid(position, text, "key '" + key + "' given twice");
            }
        }
        int frame = positive(required(fields, "frame", position, text), "frame", position, text);
        String attemptsText = required(fields, "attempts", position, text);
        int attempts = "always".equals(attemptsText) ? FaultRule.ALWAYS
                : positive(attemptsText, "attempts", position, text);
        return new FaultRule(action, frame, attempts, text);
    }

    private static String required(Map<String, String> fields, String key, int position, String text) {
        String value = fields.get(key);
        if (value == null) {
            throw invalid(position, text, key + " is required");
        }
        return value;
    }

    private static int positive(String value, String key, int position, String text) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw invalid(position, text, key + " must be a whole number of at least 1"
                    + ("attempts".equals(key) ? " or always" : "") + ", was '" + value + "'");
        }
        return number;
    }

    private static IllegalArgumentException invalid(int position, String text, String problem) {
        return new IllegalArgumentException(PROPERTY + ": rule " + position + " '" + text + "': " + problem
                + " (rules look like fail:frame=7:attempts=2 or hang:frame=11:attempts=always)");
    }
}
