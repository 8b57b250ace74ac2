package io.tessera.submission.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import io.tessera.renderer.trace.Pass;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rules of strategy, tiles, passes, autoChunk, dependsOn and preview (demo scene: 320×180). */
class StrategyValidationTest {

    private final JobRequestValidator validator =
            new JobRequestValidator(100_000, 10_000, 262_144, 16, new OutputPaths(Path.of("/srv/out")));

    private static ObjectNode tiles(int columns, int rows) {
        ObjectNode job = JobRequestValidatorTest.validJson();
        job.put("strategy", "tiles");
        job.putObject("tiles").put("columns", columns).put("rows", rows);
        return job;
    }

    private static ObjectNode layers(String... passes) {
        ObjectNode job = JobRequestValidatorTest.validJson();
        job.put("strategy", "layers");
        Arrays.stream(passes).forEach(job.putArray("passes")::add);
        return job;
    }

    private ValidJobRequest validate(ObjectNode json) {
        return validator.validate(JobRequestReader.read(json.toString()), Channel.REST);
    }

    private List<Violation> violations(ObjectNode json) {
        return assertThrows(InvalidJobRequestException.class, () -> validate(json)).violations();
    }

    private void assertViolation(ObjectNode json, String field, String ruleFragment) {
        List<Violation> found = violations(json);
        assertTrue(found.stream().anyMatch(v -> v.field().equals(field) && v.rule().contains(ruleFragment)),
                "expected " + field + " / " + ruleFragment + " in " + found);
    }

    private static ObjectNode with(ObjectNode json, Consumer<ObjectNode> change) {
        change.accept(json);
        return json;
    }

    @Test
    void strategyDefaultsToFramesAndMustBeKnown() {
        ValidJobRequest frames = validate(JobRequestValidatorTest.validJson());
        assertEquals(Strategy.FRAMES, frames.strategy());
        assertNull(frames.tiles());
        assertEquals(List.of(), frames.passes());
        assertFalse(frames.preview());
        assertEquals(Strategy.FRAMES, validate(with(JobRequestValidatorTest.validJson(),
                j -> j.put("strategy", "FRAMES"))).strategy());
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("strategy", "slices")), "strategy",
                "must be one of [frames, tiles, layers]");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("strategy", 3)), "strategy",
                "must be a string");
    }

    @Test
    void acceptsATiledJobAndCountsTilesPlusOneAssemblyPerFrame() {
        ValidJobRequest valid = validate(tiles(10, 10));
        assertEquals(Strategy.TILES, valid.strategy());
        assertEquals(new TileGrid(10, 10, null, null), valid.tiles());
        assertEquals(48 * 101, valid.taskCount());
        ObjectNode bySize = JobRequestValidatorTest.validJson().put("strategy", "tiles");
        bySize.putObject("tiles").put("tileWidth", 100).put("tileHeight", 64);
        ValidJobRequest sized = validate(bySize);
        assertEquals(new TileGrid(null, null, 100, 64), sized.tiles());
        assertEquals(48 * (4 * 3 + 1), sized.taskCount());
    }

    @Test
    void tilesAreRequiredForTilesAndForbiddenOtherwise() {
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("strategy", "tiles")), "tiles",
                "is required for strategy tiles");
        assertViolation(with(JobRequestValidatorTest.validJson(),
                j -> j.putObject("tiles").put("columns", 2).put("rows", 2)), "tiles",
                "is only allowed with strategy tiles");
    }

    @Test
    void aGridGivesExactlyOnePairOfPositiveValues() {
        assertViolation(with(tiles(2, 2), j -> ((ObjectNode) j.get("tiles")).put("tileWidth", 32)), "tiles",
                "exactly one of {columns, rows} or {tileWidth, tileHeight}");
        assertViolation(with(tiles(2, 2), j -> j.putObject("tiles")), "tiles", "exactly one of");
        assertViolation(with(tiles(2, 2), j -> ((ObjectNode) j.get("tiles")).remove("rows")), "tiles.rows",
                "is required with tiles.columns");
        assertViolation(tiles(0, 4), "tiles.columns", "must be >= 1");
        assertViolation(tiles(4, -1), "tiles.rows", "must be >= 1");
    }

    @Test
    void moreTilesThanPixelsIsRejected() {
        assertViolation(tiles(321, 1), "tiles.columns", "more tiles than pixels");
        assertViolation(tiles(1, 181), "tiles.rows", "more tiles than pixels");
    }

    @Test
    void tilesSmallerThanTheMinimumAreRejectedUnlessTheImageIsSmaller() {
        assertViolation(tiles(21, 2), "tiles.columns", "smaller than the minimum tile size of 16 px");
        assertViolation(tiles(2, 12), "tiles.rows", "smaller than the minimum tile size of 16 px");
        ValidJobRequest exactlyMinimum = validate(with(tiles(20, 11),
                j -> j.putObject("frames").put("start", 1).put("end", 1)));
        assertEquals(20 * 11 + 1, exactlyMinimum.taskCount());
        ObjectNode bySize = JobRequestValidatorTest.validJson().put("strategy", "tiles");
        bySize.putObject("tiles").put("tileWidth", 15).put("tileHeight", 16);
        assertViolation(bySize, "tiles.tileWidth", "minimum tile size of 16 px");
        ObjectNode tiny = tiles(1, 1);
        ((ObjectNode) tiny.get("scene")).put("width", 8).put("height", 8);
        assertEquals(new TileGrid(1, 1, null, null), validate(tiny).tiles(),
                "an image smaller than the minimum is one tile");
        ObjectNode tinySplit = tiles(2, 1);
        ((ObjectNode) tinySplit.get("scene")).put("width", 8).put("height", 8);
        assertViolation(tinySplit, "tiles.columns", "gives tiles 4 px wide");
        ObjectNode tinyWhole = JobRequestValidatorTest.validJson().put("strategy", "tiles");
        ((ObjectNode) tinyWhole.get("scene")).put("width", 8).put("height", 8);
        tinyWhole.putObject("tiles").put("tileWidth", 8).put("tileHeight", 8);
        assertEquals(48 * 2, validate(tinyWhole).taskCount());
    }

    @Test
    void tileSizeMustFitTheImage() {
        ObjectNode json = JobRequestValidatorTest.validJson().put("strategy", "tiles");
        json.putObject("tiles").put("tileWidth", 321).put("tileHeight", 0);
        List<Violation> found = violations(json);
        assertEquals(List.of(new Violation("tiles.tileWidth", "must be at most the scene width (320 px)"),
                new Violation("tiles.tileHeight", "must be >= 1")), found);
    }

    @Test
    void tooManyTasksForATiledAnimation() {
        assertViolation(tiles(20, 11), "tasks", "must be at most 10000, frames × (tiles + 1) = 48 × (220 + 1) gives "
                + 48 * 221);
    }

    @Test
    void acceptsALayeredJobAndCountsRenderPassesPlusOneCompositePerFrame() {
        ValidJobRequest all = validate(layers("diffuse", "specular", "shadows", "reflections", "ambient_occlusion",
                "beauty"));
        assertEquals(Strategy.LAYERS, all.strategy());
        assertEquals(6, all.passes().size());
        assertEquals(48 * 7, all.taskCount());
        ValidJobRequest beautyOnly = validate(layers("beauty"));
        assertEquals(List.of("beauty"), beautyOnly.passes());
        assertEquals(48 * 6, beautyOnly.taskCount(), "compositing needs diffuse, specular, shadows, reflections");
    }

    @Test
    void passesAreRequiredForLayersKnownUniqueAndForbiddenOtherwise() {
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("strategy", "layers")), "passes",
                "is required for strategy layers");
        assertViolation(layers(), "passes", "is required for strategy layers");
        assertViolation(layers("diffuse", "specular", "glow"), "passes[2]",
                "must be one of [diffuse, specular, shadows, reflections, ambient_occlusion, beauty], was 'glow'");
        assertViolation(layers("diffuse", "beauty", "diffuse"), "passes[2]", "duplicates passes[0] ('diffuse')");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.putArray("passes").add("diffuse")),
                "passes", "is only allowed with strategy layers");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("passes", "diffuse")), "passes",
                "must be an array");
        assertEquals(List.of(), validate(with(JobRequestValidatorTest.validJson(), j -> j.putArray("passes")))
                .passes(), "an empty list on a frames job is the same as none");
    }

    @Test
    void theAllowedPassesAreTheRenderersPasses() {
        assertEquals(Arrays.stream(Pass.values()).map(Pass::id).sorted().toList(),
                StrategyRules.PASSES.stream().sorted().toList());
    }

    @Test
    void tooManyTasksForALayeredAnimation() {
        ObjectNode json = layers("beauty");
        json.putObject("frames").put("start", 1).put("end", 2000);
        assertViolation(json, "tasks", "frames × (render passes + 1) = 2000 × (5 + 1) gives 12000");
    }

    private static ObjectNode auto(Consumer<ObjectNode> autoChunk) {
        ObjectNode job = JobRequestValidatorTest.validJson();
        job.remove("chunkSize");
        autoChunk.accept(job.putObject("autoChunk"));
        return job;
    }

    @Test
    void autoChunkGivesTheTargetSecondsAndAProbeOfOneFrame() {
        ValidJobRequest valid = validate(auto(a -> a.put("targetSeconds", 30)));
        assertTrue(valid.autoChunk());
        assertEquals(30, valid.targetSeconds());
        assertEquals(1, valid.chunkSize(), "the probe's size");
        assertEquals(1, validate(auto(a -> a.put("targetSeconds", 1))).targetSeconds());
        assertEquals(86_400, validate(auto(a -> a.put("targetSeconds", 86_400))).targetSeconds());
        ValidJobRequest fixed = validate(with(JobRequestValidatorTest.validJson(), j -> j.putNull("autoChunk")));
        assertFalse(fixed.autoChunk());
        assertNull(fixed.targetSeconds());
    }

    @Test
    void autoChunkNeedsAnIntegerTargetSecondsWithinOneDay() {
        assertViolation(auto(a -> { }), "autoChunk.targetSeconds", "is required");
        assertViolation(auto(a -> a.putNull("targetSeconds")), "autoChunk.targetSeconds", "is required");
        assertViolation(auto(a -> a.put("targetSeconds", "30")), "autoChunk.targetSeconds", "must be an integer");
        assertViolation(auto(a -> a.put("targetSeconds", 2.5)), "autoChunk.targetSeconds", "must be an integer");
        assertViolation(auto(a -> a.put("targetSeconds", 0)), "autoChunk.targetSeconds", "must be between 1 and 86400");
        assertViolation(auto(a -> a.put("targetSeconds", 86_401)), "autoChunk.targetSeconds",
                "must be between 1 and 86400");
        assertViolation(auto(a -> a.put("targetSeconds", 10_000_000_000L)), "autoChunk.targetSeconds",
                "must be between 1 and 86400");
        assertViolation(auto(a -> a.put("targetSeconds", 30).put("seconds", 30)), "autoChunk.seconds",
                "is not a field of autoChunk");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("autoChunk", 30)), "autoChunk",
                "must be a JSON object");
    }

    @Test
    void autoChunkExcludesChunkSizeAndOtherStrategies() {
        ObjectNode both = auto(a -> a.put("targetSeconds", 30));
        both.put("chunkSize", 4);
        assertEquals(List.of(new Violation("chunkSize",
                "must not be given with autoChunk: segmentation sizes the chunks from measured frame times")),
                violations(both));
        ObjectNode tiled = tiles(2, 2);
        tiled.remove("chunkSize");
        tiled.putObject("autoChunk").put("targetSeconds", 30);
        assertEquals(List.of(new Violation("autoChunk", "is only allowed with strategy frames, not tiles")),
                violations(tiled));
    }

    @Test
    void anAutoChunkJobIsNotLimitedByTheFixedChunkTaskCount() {
        ObjectNode many = auto(a -> a.put("targetSeconds", 30));
        JobRequestValidatorTest.frames(many, 1, 50_000);
        assertEquals(50_000, validate(many).frameCount(), "segmentation keeps the chunks within max-tasks");
    }

    @Test
    void previewIsABoolean() {
        assertTrue(validate(with(JobRequestValidatorTest.validJson(), j -> j.put("preview", true))).preview());
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.put("preview", "yes")), "preview",
                "must be true or false");
    }

    @Test
    void dependsOnListsDistinctJobIdsOtherThanTheRequestItself() {
        ValidJobRequest valid = validate(with(JobRequestValidatorTest.validJson(),
                j -> j.putArray("dependsOn").add("job-a").add("job-b")));
        assertEquals(List.of("job-a", "job-b"), valid.dependsOn());
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.putArray("dependsOn").add("a").add("a")),
                "dependsOn[1]", "duplicates dependsOn[0] ('a')");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.putArray("dependsOn").add("req-1")),
                "dependsOn[0]", "a job cannot depend on itself");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.putArray("dependsOn").add("")),
                "dependsOn[0]", "must be a job id");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> j.putArray("dependsOn").add(7)),
                "dependsOn[0]", "must be a string");
        assertViolation(with(JobRequestValidatorTest.validJson(), j -> {
            var ids = j.putArray("dependsOn");
            for (int i = 0; i <= DependencyRules.MAX_DEPENDENCIES; i++) {
                ids.add("job-" + i);
            }
        }), "dependsOn", "at most 100 jobs");
    }

    @Test
    void everyNewViolationIsReportedAtOnce() {
        ObjectNode json = JobRequestValidatorTest.validJson();
        json.put("strategy", "tiles");
        json.putObject("tiles").put("columns", 0).put("rows", 2);
        json.putArray("passes").add("glow");
        json.putObject("autoChunk").put("targetSeconds", 10);
        json.putArray("dependsOn").add("x").add("x");
        assertEquals(List.of("autoChunk", "chunkSize", "tiles.columns", "passes", "dependsOn[1]"),
                violations(json).stream().map(Violation::field).toList());
    }
}
