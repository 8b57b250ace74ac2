package io.tessera.farm.dlq;

import java.util.Collection;
import java.util.List;

/** Names of dead-letter topics: {@code <topic>.dlq}. */
public final class DeadLetterTopics {

    /** The suffix every dead-letter topic's name ends with. */
    public static final String SUFFIX = ".dlq";

    private DeadLetterTopics() {
    }

    /** True when {@code topic} is a dead-letter topic by name. */
    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX) && topic.length() > SUFFIX.length();
    }

    /** {@code farm.jobs.v1} for {@code farm.jobs.v1.dlq}; a name without the suffix is returned as it is. */
    public static String originalOf(String dlqTopic) {
        return isDeadLetterTopic(dlqTopic) ? dlqTopic.substring(0, dlqTopic.length() - SUFFIX.length()) : dlqTopic;
    }

    /** The dead-letter topics among {@code topics}, sorted by name. */
    public static List<String> among(Collection<String> topics) {
        return topics.stream().filter(DeadLetterTopics::isDeadLetterTopic).sorted().toList();
    }

    /**
     * The dead-letter topic a user means: {@code farm.jobs.v1} and {@code farm.jobs.v1.dlq} both name
     * {@code farm.jobs.v1.dlq}.
     *
     * @param existing every topic on the broker
     * @throws IllegalArgumentException naming the topic and listing the dead-letter topics when it names none of them
     */
    public static String resolve(String topic, Collection<String> existing) {
        String name = topic == null ? "" : topic.trim();
        String dlq = isDeadLetterTopic(name) ? name : name + SUFFIX;
        if (name.isEmpty() || !existing.contains(dlq)) {
            throw new IllegalArgumentException("topic '" + name + "': no dead-letter topic "
                    + (name.isEmpty() ? "" : "'" + dlq + "' ") + "on the broker; the dead-letter topics are: "
                    + String.join(", ", among(existing)));
        }
        return dlq;
    }
}
