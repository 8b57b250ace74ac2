package io.tessera.contracts;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tessera.contracts.envelope.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the JSON Schemas (from the classpath, as consumers would) and asyncapi.yaml, and validates samples. */
final class Schemas {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path ASYNCAPI = Path.of("asyncapi.yaml");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    /** The validation errors of {@code instance} against the schema {@code name}. */
    static Set<ValidationMessage> validate(String name, JsonNode instance) {
        return schema(name).validate(instance);
    }

    /** The compiled schema {@code name}, read from the classpath. */
    static JsonSchema schema(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertNotNull(in, "schemas/" + name + ".schema.json on the classpath");
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema {@code name} as a JSON tree. */
    static JsonNode read(String name) {
        try {
            return Json.MAPPER.readTree(SCHEMAS.resolve(name + ".schema.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record as {@link Json#MAPPER} writes it, as a JSON tree. */
    static JsonNode json(Object sample) {
        try {
            return Json.MAPPER.readTree(Json.write(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of every schema file. */
    static Set<String> names() {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".schema.json"))
                    .map(f -> f.substring(0, f.length() - ".schema.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** asyncapi.yaml as a tree. */
    static JsonNode asyncApi() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
