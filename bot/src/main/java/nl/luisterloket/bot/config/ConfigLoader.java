package nl.luisterloket.bot.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads {@code luisterloket.yml} strictly: an unknown key, a wrong type or an invalid value stops
 * start-up with one message naming the file, the key and what was expected.
 *
 * <p>Every scalar key can be overridden from the environment: {@code telegram.apiUrl} becomes
 * {@code LUISTERLOKET_TELEGRAM_API_URL}. The bot token is only accepted from the environment or
 * from the file {@code telegram.tokenFile} names, never from the YAML file itself.
 */
public final class ConfigLoader {

    public static final String ENVIRONMENT_PREFIX = "LUISTERLOKET_";

    private final Map<String, String> environment;
    private final ObjectMapper mapper;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** Loads the file; a missing file is an error unless {@code optional} (then defaults apply). */
    public LuisterloketConfig load(Path file, boolean optional) {
        ObjectNode tree = readTree(file, optional);
        String source = file.toString();
        if (tree.path("telegram").has("token")) {
            throw new ConfigException(source + ": telegram.token: the bot token may not be written in the configuration file;"
                    + " set the environment variable " + ENVIRONMENT_PREFIX + "TELEGRAM_TOKEN or name a file with telegram.tokenFile");
        }
        applyEnvironment(tree, LuisterloketConfig.class, new ArrayList<>());
        readTokenFile(tree, source);
        try {
            return mapper.treeToValue(tree, LuisterloketConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(source, e), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode readTree(Path file, boolean optional) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode node = text.isBlank() ? null : mapper.readTree(text);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": expected a mapping of keys to values at the top level");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            if (optional) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw new ConfigException(file + ": configuration file not found");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private void applyEnvironment(ObjectNode node, Class<?> recordType, List<String> path) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord()) {
                JsonNode child = node.get(component.getName());
                ObjectNode childObject = child instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
                applyEnvironment(childObject, type, childPath);
                if (child == null && !childObject.isEmpty()) {
                    node.set(component.getName(), childObject);
                }
            } else if (isScalar(component.getGenericType())) {
                String value = environment.get(environmentName(childPath));
                if (value != null) {
                    node.put(component.getName(), value);
                }
            }
        }
    }

    private static boolean isScalar(Type type) {
        if (type instanceof ParameterizedType) {
            return false;
        }
        Class<?> raw = (Class<?>) type;
        return !List.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw) && !raw.isArray();
    }

    /** {@code [telegram, apiUrl]} → {@code LUISTERLOKET_TELEGRAM_API_URL}. */
    public static String environmentName(List<String> path) {
        return ENVIRONMENT_PREFIX + path.stream()
                .map(key -> key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
                .collect(Collectors.joining("_"));
    }

    private void readTokenFile(ObjectNode tree, String source) {
        JsonNode telegram = tree.get("telegram");
        if (!(telegram instanceof ObjectNode telegramNode) || telegramNode.hasNonNull("token") || !telegramNode.hasNonNull("tokenFile")) {
            return;
        }
        Path tokenFile = Path.of(telegramNode.get("tokenFile").asText());
        try {
            telegramNode.put("token", Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new ConfigException(source + ": telegram.tokenFile: cannot read the token file '" + tokenFile + "'");
        }
    }

    private static String describe(String source, JsonProcessingException e) {
        String key = e instanceof JsonMappingException mapping ? keyPath(mapping) : "";
        String where = source + (key.isEmpty() ? "" : ": " + key);
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return where + ": unknown key '" + unknown.getPropertyName() + "'; expected one of " + known;
        }
        if (e instanceof InvalidFormatException invalid) {
            return where + ": expected " + describeType(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'";
        }
        if (e instanceof ValueInstantiationException invalidValue) {
            Throwable cause = invalidValue.getCause() == null ? invalidValue : invalidValue.getCause();
            return where + ": " + cause.getMessage();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return where + ": expected " + describeType(mismatched.getTargetType());
        }
        return where + ": " + e.getOriginalMessage();
    }

    private static String keyPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                parts.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        if (e instanceof UnrecognizedPropertyException && !parts.isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.ZoneId.class) {
            return "a time zone such as Europe/Amsterdam";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
