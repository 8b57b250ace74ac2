package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    @Test
    void acceptsExistingJobsOfTheSameStudio() {
        assertEquals(List.of(), DependencyRules.check("acme", List.of("a", "b"), Map.of("a", "acme", "b", "acme"),
                null));
        assertEquals(List.of(), DependencyRules.check("acme", List.of(), Map.of(), null));
    }

    @Test
    void namesUnknownJobsOtherStudiosAndTheJobItself() {
        assertEquals(List.of(
                        new Violation("dependsOn[0]", "unknown job 'ghost'"),
                        new Violation("dependsOn[1]", "belongs to another studio"),
                        new Violation("dependsOn[2]", "a job cannot depend on itself")),
                DependencyRules.check("acme", List.of("ghost", "theirs", "mine"),
                        Map.of("theirs", "globex", "mine", "acme"), "mine"));
    }
}
