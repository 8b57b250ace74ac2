package io.tessera.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The farm runs without the idempotent producer (OCI Streaming has none): after a job ran and every consumer
 * dead-lettered a record, the broker tracks no producer on any partition of any farm topic. An idempotent producer
 * would show up there with its producer id; {@link #anIdempotentProducerIsSeenByTheCheck} proves it does on this
 * broker, so the check can fail. A scan of every service's configuration adds that each producing channel (outgoing
 * channels and the dead-letter producers of incoming ones) sets {@code acks=all} and {@code enable.idempotence=false}.
 */
@ExtendWith(E2eFarm.class)
class NoIdempotentProducerTest {

    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.connector");
    private static final Pattern DEAD_LETTERED =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.failure-strategy");

    @Test
    void noProducerOfTheFarmLeavesIdempotentProducerState() throws Exception {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        JobsApi api = E2eFarm.api();
        JobsApi.Response created = api.submit(JobsApi.demoJob("no-idempotence", "cpu", 1, 4, 2, 64, 36));
        assertEquals(201, created.status(), created.body());
        JsonNode job = api.awaitTerminal(created.json().path("jobId").asText(), Duration.ofMinutes(2));
        assertEquals("COMPLETED", job.path("state").asText(), job.toString());

        List<String> consumed = Stream.of(EventTopic.values()).map(EventTopic::topicName).toList();
        List<ProducerRecord<String, byte[]>> bad = new ArrayList<>();
        bad.add(new ProducerRecord<>(Topics.JOB_REQUESTS, "no-idempotence", "not json".getBytes()));
        consumed.forEach(topic -> bad.add(new ProducerRecord<>(topic, "no-idempotence", "not json".getBytes())));
        TopicReader.produceAll(bootstrap, bad);

        try (FarmAdmin admin = new FarmAdmin(bootstrap)) {
            List<String> all = new ArrayList<>(consumed);
            all.add(Topics.JOB_REQUESTS);
            admin.awaitCaughtUp(all, Duration.ofMinutes(2));
            List<String> farmTopics = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
            Map<TopicPartition, List<ProducerState>> producers = admin.producers(farmTopics);
            List<String> idempotent = new ArrayList<>();
            producers.forEach((partition, states) -> states.forEach(state -> idempotent.add(partition + ": " + state)));
            System.out.printf("%nproducer state on %d partitions of %d farm topics: %d producers%n",
                    producers.size(), farmTopics.size(), idempotent.size());
            assertTrue(idempotent.isEmpty(), "idempotent producers on farm topics:\n" + String.join("\n", idempotent));
        }
    }

    @Test
    void anIdempotentProducerIsSeenByTheCheck() throws Exception {
        String bootstrap = E2eFarm.farm().bootstrapServers();
        String probe = "e2e.idempotence-probe-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(probe, 1, (short) 1))).all().get();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(probe, "probe", "idempotent".getBytes())).get();
            }
            try (FarmAdmin farmAdmin = new FarmAdmin(bootstrap)) {
                List<ProducerState> states = farmAdmin.producers(List.of(probe)).get(new TopicPartition(probe, 0));
                assertEquals(1, states.size(), "the idempotent producer is not seen: " + states);
                assertTrue(states.get(0).producerId() >= 0, states.toString());
            } finally {
                admin.deleteTopics(List.of(probe)).all().get();
            }
        }
    }

    @Test
    void everyProducerChannelSendsWithAcksAllAndWithoutIdempotence() throws IOException {
        List<String> missing = new ArrayList<>();
        int producers = 0;
        try (Stream<Path> services = Files.list(Path.of("..", "services"))) {
            for (Path service : services.sorted().toList()) {
                Path file = service.resolve("src/main/resources/application.properties");
                if (!Files.exists(file)) {
                    continue;
                }
                Properties props = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
                for (String key : props.stringPropertyNames()) {
                    String producer = producerPrefixOf(key, props);
                    if (producer == null) {
                        continue;
                    }
                    producers++;
                    for (Map.Entry<String, String> setting : Map.of("acks", "all", "enable.idempotence", "false")
                            .entrySet()) {
                        if (!setting.getValue().equals(props.getProperty(producer + setting.getKey()))) {
                            missing.add(service.getFileName() + ": " + producer + setting.getKey() + "="
                                    + setting.getValue());
                        }
                    }
                }
            }
        }
        assertTrue(producers >= 20, "found only " + producers + " producing channels");
        assertTrue(missing.isEmpty(), "producers that may be idempotent or unsafe:\n" + String.join("\n", missing));
    }

    /** The key prefix of the producer behind {@code key}: an outgoing channel or an incoming one's dead letters. */
    private static String producerPrefixOf(String key, Properties props) {
        Matcher outgoing = OUTGOING.matcher(key);
        if (outgoing.matches()) {
            return "mp.messaging.outgoing." + outgoing.group(1) + ".";
        }
        Matcher incoming = DEAD_LETTERED.matcher(key);
        if (incoming.matches() && "dead-letter-queue".equals(props.getProperty(key))) {
            return "mp.messaging.incoming." + incoming.group(1) + ".dead-letter-queue.";
        }
        return null;
    }
}
