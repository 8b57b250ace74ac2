package io.tessera.submission.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.Capability;
import io.tessera.contracts.jobs.FrameRange;
import io.tessera.contracts.jobs.Requirements;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.renderer.scene.Scene;
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
    /** The smallest tile size in pixels when none is configured. */
    public static final int DEFAULT_MIN_TILE_SIZE = 16;
    /** The error limit of a request that sets none, when none is configured. */
    public static final int DEFAULT_ERROR_LIMIT = 50;
    /** The blocklist threshold of a request that sets none, when none is configured. */
    public static final int DEFAULT_BLOCKLIST_THRESHOLD = 3;
    /** The largest {@code errorLimit}. */
    public static final int MAX_ERROR_LIMIT = 100_000;
    /** The largest {@code blocklistThreshold}. */
    public static final int MAX_BLOCKLIST_THRESHOLD = 1000;

    private final int maxFrames;
    private final int maxTasks;
    private final int maxSceneBytes;
    private final OutputPaths outputs;
    private final StrategyRules strategies;
    private final int defaultErrorLimit;
    private final int defaultBlocklistThreshold;

    /** A validator with the default minimum tile size, error limit and blocklist threshold. */
    public JobRequestValidator(int maxFrames, int maxTasks, int maxSceneBytes, OutputPaths outputs) {
        this(maxFrames, maxTasks, maxSceneBytes, DEFAULT_MIN_TILE_SIZE, outputs);
    }

    /** A validator with the default error limit and blocklist threshold. */
    public JobRequestValidator(int maxFrames, int maxTasks, int maxSceneBytes, int minTileSize, OutputPaths outputs) {
        this(maxFrames, maxTasks, maxSceneBytes, minTileSize, outputs, DEFAULT_ERROR_LIMIT,
                DEFAULT_BLOCKLIST_THRESHOLD);
    }

    /**
     * @param maxFrames     the most frames a job may cover
     * @param maxTasks      the most tasks a job may be split into
     * @param maxSceneBytes the largest scene document, in UTF-8 bytes
     * @param minTileSize   the smallest tile width and height in pixels (unless the image itself is smaller)
     * @param outputs       the output root that requested output directories must stay inside
     * @param defaultErrorLimit         the error limit of a request that sets none
     * @param defaultBlocklistThreshold the blocklist threshold of a request that sets none
     */
    public JobRequestValidator(int maxFrames, int maxTasks, int maxSceneBytes, int minTileSize, OutputPaths outputs,
                               int defaultErrorLimit, int defaultBlocklistThreshold) {
        this.defaultErrorLimit = defaultErrorLimit;
        this.defaultBlocklistThreshold = defaultBlocklistThreshold;
        this.maxFrames = maxFrames;
        this.maxTasks = maxTasks;
        this.maxSceneBytes = maxSceneBytes;
        this.outputs = outputs;
        this.strategies = new StrategyRules(minTileSize);
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
        Scene parsed = null;
        String scene = checkScene(in.scene(), errors);
        if (scene != null) {
            parsed = parse(scene, errors);
        }
        int chunkSize = in.chunkSize() == null ? DEFAULT_CHUNK_SIZE : in.chunkSize();
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            errors.add(new Violation("chunkSize", "must be between 1 and " + MAX_CHUNK_SIZE));
        }
        Strategy strategy = StrategyRules.strategy(in.strategy(), errors);
        Integer targetSeconds = StrategyRules.autoChunk(strategy, in.autoChunk(), in.chunkSize(), errors);
        TileGrid tiles = strategies.tiles(strategy, in.tiles(), parsed == null ? 0 : parsed.width(),
                parsed == null ? 0 : parsed.height(), errors);
        List<String> passes = StrategyRules.passes(strategy, in.passes(), errors);
        long frameCount = checkFrames(in.frames(), errors);
        if (frameCount > 0 && parsed != null) {
            checkSceneRange(in.frames(), parsed, errors);
        }
        boolean auto = in.autoChunk() != null && !in.autoChunk().isNull() && !in.autoChunk().isMissingNode();
        long tasks = auto ? 0 : checkTasks(strategy, frameCount, chunkSize, tiles, passes, parsed, errors);
        int priority = in.priority() == null ? DEFAULT_PRIORITY : in.priority();
        if (priority < 0 || priority > 100) {
            errors.add(new Violation("priority", "must be between 0 and 100"));
        }
        Requirements requirements = checkRequirements(in.requirements(), errors);
        if (in.output() != null) {
            outputs.check(in.output()).ifPresent(rule -> errors.add(new Violation("output", rule)));
        }
        List<String> dependsOn = DependencyRules.syntax(in.dependsOn(), in.requestId(), errors);
        int errorLimit = between("errorLimit", in.errorLimit(), defaultErrorLimit, MAX_ERROR_LIMIT, "no limit",
                errors);
        int blocklistThreshold = between("blocklistThreshold", in.blocklistThreshold(), defaultBlocklistThreshold,
                MAX_BLOCKLIST_THRESHOLD, "no blocklisting", errors);
        if (!errors.isEmpty()) {
            throw new InvalidJobRequestException(errors);
        }
        return new ValidJobRequest(in.requestId(), in.name().trim(), in.studio(), scene, in.frames().start(),
                in.frames().end(), chunkSize, in.output(), priority, requirements, (int) tasks, strategy, tiles,
                passes, dependsOn, Boolean.TRUE.equals(in.preview()), targetSeconds, errorLimit, blocklistThreshold);
    }

    /** {@code value} (or {@code fallback} when absent), which must lie in 0..{@code max}; 0 {@code zeroMeans}. */
    private static int between(String field, Integer value, int fallback, int max, String zeroMeans,
                               List<Violation> errors) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > max) {
            errors.add(new Violation(field, "must be an integer between 0 and " + max + " (0: " + zeroMeans
                    + "), was " + value));
        }
        return value;
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
        return text;
    }

    private static Scene parse(String text, List<Violation> errors) {
        try {
            return SceneParser.parse(text);
        } catch (SceneException e) {
            String field = e.field() == null || e.field().isEmpty() || "$".equals(e.field())
                    ? "scene" : "scene." + e.field();
            errors.add(new Violation(field, e.rule()));
            return null;
        }
    }

    private long checkFrames(FrameRange frames, List<Violation> errors) {
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
        return frameCount;
    }

    /** The task count of the strategy, checked against {@code maxTasks}; 0 when an input it needs is invalid. */
    /** The frames must be ones the scene declares; a frame outside them cannot be rendered. */
    private static void checkSceneRange(FrameRange frames, Scene scene, List<Violation> errors) {
        if (frames.start() < scene.frameStart() || frames.end() > scene.frameEnd()) {
            errors.add(new Violation("frames", "must lie within the scene's frames " + scene.frameStart() + ".."
                    + scene.frameEnd() + " (scene.animation.frameStart/frameEnd; a scene without animation has"
                    + " frame 1 only), was " + frames.start() + ".." + frames.end()));
        }
    }

    private long checkTasks(Strategy strategy, long frames, int chunkSize, TileGrid tiles, List<String> passes,
            Scene scene, List<Violation> errors) {
        if (frames == 0 || strategy == null) {
            return 0;
        }
        long tasks;
        String formula;
        switch (strategy) {
            case TILES -> {
                if (tiles == null || scene == null) {
                    return 0;
                }
                long perFrame = TaskCounts.tilesPerFrame(tiles.columns(), tiles.rows(), tiles.tileWidth(),
                        tiles.tileHeight(), scene.width(), scene.height());
                tasks = TaskCounts.tiles(frames, perFrame);
                formula = "frames × (tiles + 1) = " + frames + " × (" + perFrame + " + 1) gives ";
            }
            case LAYERS -> {
                if (passes.isEmpty()) {
                    return 0;
                }
                int rendered = TaskCounts.renderPasses(passes).size();
                tasks = TaskCounts.layers(frames, passes);
                formula = "frames × (render passes + 1) = " + frames + " × (" + rendered + " + 1) gives ";
            }
            default -> {
                if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
                    return 0;
                }
                tasks = TaskCounts.frames(frames, chunkSize);
                formula = "ceil(frames / chunkSize) gives ";
            }
        }
        if (tasks > maxTasks) {
            errors.add(new Violation("tasks", "must be at most " + maxTasks + ", " + formula + tasks));
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
