package ai.letta.code.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structure-aware mutations of protocol messages, for fuzzing decoders: from a real-looking seed, a field gets a
 * value of the wrong JSON type, disappears, gains an unknown sibling, becomes a huge or odd string, or nests
 * deeply; a few inputs are byte-level damage of the text. Deterministic for a given {@link Random}.
 */
public final class JsonMutator {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(256 * 1024);

    private final List<JsonNode> seeds;
    private final Random random;

    /**
     * @param seeds well-formed messages (JSON texts) to start from
     * @param random the source of choices
     */
    public JsonMutator(List<String> seeds, Random random) {
        this.seeds = seeds.stream().map(JSON::readTree).toList();
        this.random = random;
    }

    /** @return the next input: a mutated seed, as text */
    public String next() {
        JsonNode seed = seeds.get(random.nextInt(seeds.size()));
        if (random.nextInt(20) == 0) {
            return damage(JSON.writeValueAsString(seed));
        }
        JsonNode copy = seed.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            copy = mutate(copy);
        }
        try {
            return JSON.writeValueAsString(copy);
        } catch (StreamConstraintsException e) {
            // Nested past what Jackson writes (500 levels): the text is built by hand, for the decoder to refuse.
            return "[".repeat(600) + JSON.writeValueAsString(seed) + "]".repeat(600);
        }
    }

    private JsonNode mutate(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return oddValue();
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(5)) {
            case 0, 1 -> slot.set(oddValue());
            case 2 -> slot.remove();
            case 3 -> slot.set(nest(slot.get(), 1 + random.nextInt(200)));
            default -> {
                if (slot.parent() instanceof ObjectNode object) {
                    object.set("unknown_" + random.nextInt(1000), oddValue());
                } else {
                    slot.set(oddValue());
                }
            }
        }
        return root;
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.stringNode("");
            case 2 -> NODES.stringNode("oops");
            case 3 -> NODES.stringNode(HUGE);
            case 4 -> NODES.stringNode("\u0000\u202e\ud83d\ude00\n\"\\");
            case 5 -> NODES.numberNode(-1);
            case 6 -> NODES.numberNode(Long.MAX_VALUE);
            case 7 -> NODES.numberNode(1.5e308);
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.arrayNode();
            case 10 -> NODES.arrayNode().add(NODES.objectNode()).add("x").add(3);
            case 11 -> NODES.objectNode();
            case 12 -> NODES.objectNode().put("type", "text").put("text", 7);
            default -> NODES.stringNode("-" + random.nextInt());
        };
    }

    private JsonNode nest(JsonNode value, int depth) {
        JsonNode nested = value == null ? NODES.nullNode() : value;
        for (int i = 0; i < depth; i++) {
            nested = random.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set("n", nested);
        }
        return nested;
    }

    private String damage(String text) {
        StringBuilder out = new StringBuilder(text);
        switch (random.nextInt(4)) {
            case 0 -> out.setLength(random.nextInt(out.length() + 1));
            case 1 -> out.insert(random.nextInt(out.length() + 1), (char) random.nextInt(0x80));
            case 2 -> out.deleteCharAt(random.nextInt(out.length()));
            default -> out.append(text, 0, random.nextInt(text.length() + 1));
        }
        return out.toString().replace('\n', ' ');
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else if (index < parent.size()) {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
