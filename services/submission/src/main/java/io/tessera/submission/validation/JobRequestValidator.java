package io.tessera.submission.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.renderer.scene.SceneException;
import io.tessera.renderer.scene.SceneParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule a job request must satisfy, shared by the REST gateway and the Kafka consumer. It collects all
 * violations of a request at once (field and rule), so a studio can fix them in one round trip.
 */
public final class JobRequestValidator {

    /** Priority of a request that names none. */
    public static final int DEFAULT_PRIORITY = 50;
    /** Frames per task of a request that names no chunk size. */
    public static final int DEFAULT_CHUNK_SIZE = 1;
    /** The largest chunk size. */
    public static final int MAX_CHUNK_SIZE = 1000;

    private static final Pattern STUDIO = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final int MAX_NAME = 200;

    private final int maxFrames;
    private final int maxTasks;
    private final int maxSceneBytes;
    private final OutputPaths outputs;

    /**
     * @param maxFrames     the most frames a job may cover
     * @param maxTasks      the most tasks a job may be split into
     * @param maxSceneBytes the largest scene document, in UTF-8 bytes
     * @param outputs       the output root that requested output directories must stay inside
     */
    public JobRequestValidator(int maxFrames, int maxTasks, int maxSceneBytes, OutputPaths outputs) {
        this.maxFrames = maxFrames;
        this.maxTasks = maxTasks;
        this.maxSceneBytes = maxSceneBytes;
        this.outputs = outputs;
    }

    /**
     * Checks every rule.
     *
     * @param channel KAFKA additionally requires a requestId, so the request can be correlated
     * @throws InvalidJobRequestException listing every violation
     */
    public ValidJobRequest validate(JobRequestInput in, Channel channel) {
        List<Violation> errors = new ArrayList<>();
        checkRequestId(in.requestId(), channel, errors);
        checkName(in.name(), errors);
        checkStudio(in.studio(), errors);
        String scene = checkScene(in.scene(), errors);
        int chunkSize = in.chunkSize() == null ? DEFAULT_CHUNK_SIZE : in.chunkSize();
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            errors.add(new Violation("chunkSize", "must be between 1 and " + MAX_CHUNK_SIZE));
        }
        long tasks = checkFrames(in.frames(), chunkSize, errors);
        int priority = in.priority() == null ? DEFAULT_PRIORITY : in.priority();
        if (priority < 0 || priority > 100) {
            errors.add(new Violation("priority", "must be between 0 and 100"));
        }
        Requirements requirements = checkRequirements(in.requirements(), errors);
        if (in.output() != null) {
            outputs.check(in.output()).ifPresent(rule -> errors.add(new Violation("output", rule)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidJobRequestException(errors);
        }
        return new ValidJobRequest(in.requestId(), in.name().trim(), in.studio(), scene, in.frames().start(),
                in.frames().end(), chunkSize, in.output(), priority, requirements, (int) tasks);
    }

    private static void checkRequestId(String requestId, Channel channel, List<Violation> errors) {
        if (requestId == null) {
            if (channel == Channel.KAFKA) {
                errors.add(new Violation("requestId", "is required on Kafka so the request can be correlated"));
            }
        } else if (!REQUEST_ID.matcher(requestId).matches()) {
            errors.add(new Violation("requestId", "must be 1 to 200 characters of [A-Za-z0-9._:-]"));
        }
    }

    private static void checkName(String name, List<Violation> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new Violation("name", "is required"));
        } else if (name.trim().length() > MAX_NAME) {
            errors.add(new Violation("name", "must be 1 to " + MAX_NAME + " characters"));
        }
    }

    private static void checkStudio(String studio, List<Violation> errors) {
        if (studio == null || studio.isEmpty()) {
            errors.add(new Violation("studio", "is required"));
        } else if (!STUDIO.matcher(studio).matches()) {
            errors.add(new Violation("studio", "must be 1 to 64 characters of [A-Za-z0-9._-]"));
        }
    }

    private String checkScene(JsonNode scene, List<Violation> errors) {
        if (scene == null || scene.isNull() || scene.isMissingNode()) {
            errors.add(new Violation("scene", "is required"));
            return null;
        }
        if (!scene.isObject() && !scene.isTextual()) {
            errors.add(new Violation("scene", "must be a scene JSON object"));
            return null;
        }
        String text = scene.isTextual() ? scene.textValue() : scene.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSceneBytes) {
            errors.add(new Violation("scene", "must be at most " + maxSceneBytes + " bytes of JSON, was " + bytes));
            return null;
        }
        try {
            SceneParser.parse(text);
        } catch (SceneException e) {
            String field = e.field() == null || e.field().isEmpty() || "$".equals(e.field())
                    ? "scene" : "scene." + e.field();
            errors.add(new Violation(field, e.rule()));
        }
        return text;
    }

    private long checkFrames(FrameRange frames, int chunkSize, List<Violation> errors) {
        if (frames == null) {
            errors.add(new Violation("frames", "is required"));
            return 0;
        }
        boolean complete = true;
        if (frames.start() == null) {
            errors.add(new Violation("frames.start", "is required"));
            complete = false;
        } else if (frames.start() < 0) {
            errors.add(new Violation("frames.start", "must be >= 0"));
        }
        if (frames.end() == null) {
            errors.add(new Violation("frames.end", "is required"));
            complete = false;
        }
        if (!complete) {
            return 0;
        }
        if (frames.end() < frames.start()) {
            errors.add(new Violation("frames.end", "must be >= frames.start (" + frames.start() + ")"));
            return 0;
        }
        long frameCount = Chunking.frameCount(frames.start(), frames.end());
        if (frameCount > maxFrames) {
            errors.add(new Violation("frames", "must cover at most " + maxFrames + " frames, covers " + frameCount));
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            return 0;
        }
        long tasks = Chunking.taskCount(frameCount, chunkSize);
        if (tasks > maxTasks) {
            errors.add(new Violation("tasks", "must be at most " + maxTasks + ", ceil(frames / chunkSize) gives "
                    + tasks));
        }
        return tasks;
    }

    private static Requirements checkRequirements(JobRequestInput.RequirementsInput in, List<Violation> errors) {
        if (in == null) {
            errors.add(new Violation("requirements", "is required"));
            return null;
        }
        Capability capability = null;
        if (in.capability() == null || in.capability().isBlank()) {
            errors.add(new Violation("requirements.capability", "is required"));
        } else {
            try {
                capability = Capability.fromId(in.capability());
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("requirements.capability", e.getMessage()));
            }
        }
        if (in.minCores() != null && in.minCores() <= 0) {
            errors.add(new Violation("requirements.minCores", "must be > 0"));
        }
        if (in.minMemoryMb() != null && in.minMemoryMb() <= 0) {
            errors.add(new Violation("requirements.minMemoryMb", "must be > 0"));
        }
        return new Requirements(capability, in.minCores(), in.minMemoryMb());
    }
}
