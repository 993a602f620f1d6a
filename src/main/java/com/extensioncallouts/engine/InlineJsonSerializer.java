package com.extensioncallouts.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFieldsImpl;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.ObjectValueImpl;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.impl.json.jackson.JacksonJsonLogger;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormatWriter;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spin's serializer of JSON object variables (a rule's {@code ticket}), keeping a value of up to
 * {@value #MAX_INLINE} characters in the variable's own row instead of a row of {@code ACT_GE_BYTEARRAY}.
 * <p>
 * Camunda writes an object variable's bytes to a byte array row of their own, which the variable row points to:
 * for a delivery, the rule's ticket cost two inserts (for its variable and its history), a read and a delete,
 * with the foreign-key checks of those rows on PostgreSQL. Object variables leave the text column ({@code TEXT_},
 * 4,000 characters in Camunda's schema) empty; this serializer keeps the JSON there when it fits. A longer value
 * goes to a byte array as before, a value stored before (a byte array, no text) is read as before and stays
 * where it is until it changes, and a map changed in place is saved as Camunda saves it. Same name and type as
 * the serializer it replaces, so Cockpit, the REST API and history read these variables as any other JSON object.
 * <p>
 * It also writes the JSON without Spin's stream buffers ({@link #serializeToByteArray}).
 */
final class InlineJsonSerializer extends SpinObjectValueSerializer {

    /** The length of Camunda's {@code TEXT_} columns (runtime variables, their history and details). */
    static final int MAX_INLINE = 4000;

    static final String NAME = "spin://" + DataFormats.JSON_DATAFORMAT_NAME;

    /** Characters a serialisation starts with room for: a ticket of a few fields fits. */
    private static final int INITIAL_CAPACITY = 512;

    private static final Set<String> INLINE_DATABASES = Set.of("h2", "postgres");

    private InlineJsonSerializer() {
        super(NAME, DataFormats.json());
    }

    /**
     * Puts this serializer in the place of Spin's JSON one, on H2 and PostgreSQL: their {@code TEXT_} columns count
     * characters (and a Java string's length is never less than that); other databases keep Spin's own.
     */
    static void replaceSpins(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        TypedValueSerializer<?> spins = serializers.getSerializerByName(NAME);
        String database = configuration.getDatabaseType();
        if (!(spins instanceof SpinObjectValueSerializer) || !INLINE_DATABASES.contains(database)) {
            EngineLog.jsonNotInline(database);
            return;
        }
        int index = serializers.getSerializerIndex(spins);
        serializers.removeSerializer(spins);
        serializers.addSerializer(new InlineJsonSerializer(), index);
    }

    /**
     * Spin's own serialisation (its object mapper's tree of the value, written with that mapper by a generator of its
     * factory, encoded in the engine's charset), into a string: Spin writes through a {@code BufferedWriter} and an
     * {@code OutputStreamWriter} and leaves its generator open, so every serialisation of a ticket of a few hundred
     * bytes allocated 32 KB of buffers on Java 17 (the generator's own is returned to Jackson's per-thread recycler
     * only when it is closed). The engine serialises a ticket when it is set and again when its command ends (to see
     * whether it changed in place), for the rule and for the callout it calls: in a profile at saturation the
     * largest allocation of a delivery outside the database.
     * <p>
     * The same bytes as Spin's: an unmappable or malformed character becomes the charset's replacement either way,
     * and Spin's bytes are complete because its mapper flushes after writing a value ({@code FLUSH_AFTER_WRITE_VALUE}
     * and {@code FLUSH_PASSED_TO_STREAM}, both Jackson's defaults, which this application does not change). A
     * failure to write is Spin's own exception. Only Spin's stock Jackson writer is replaced: a data format whose
     * writer is another class (a customised Spin) writes through that writer, into the string.
     */
    @Override
    protected byte[] serializeToByteArray(Object deserializedObject) {
        StringWriter json = new StringWriter(INITIAL_CAPACITY);
        Object tree = dataFormat.getMapper().mapJavaToInternal(deserializedObject);
        if (dataFormat instanceof JacksonJsonDataFormat jackson
                && jackson.getWriter().getClass() == JacksonJsonDataFormatWriter.class) {
            ObjectMapper mapper = jackson.getObjectMapper();
            try (JsonGenerator generator = mapper.getFactory().createGenerator(json)) {
                mapper.writeTree(generator, (JsonNode) tree);
            } catch (IOException e) {
                throw JacksonJsonLogger.JSON_TREE_LOGGER.unableToWriteJsonNode(e);
            }
        } else {
            dataFormat.getWriter().writeToWriter(json, tree);
        }
        return json.toString().getBytes(Context.getProcessEngineConfiguration().getDefaultCharset());
    }

    @Override
    protected void writeToValueFields(ObjectValue value, ValueFields fields, byte[] serialized) {
        String json = serialized == null ? null : getSerializedStringValue(serialized);
        boolean inline = json != null && json.length() <= MAX_INLINE;
        if (fields instanceof ValueFieldsImpl) {
            writeForComparison(value, fields, serialized, json, inline);
        } else if (inline) {
            fields.setByteArrayValue(null); // deletes the byte array of a longer earlier value, if there was one
            fields.setTextValue(json);
            fields.setTextValue2(getObjectTypeName(value, fields));
        } else {
            fields.setTextValue(null);
            super.writeToValueFields(value, fields, serialized);
        }
    }

    /**
     * Camunda saves a JSON map changed in place (without {@code setVariable}) when its command ends: it writes the
     * value to scratch fields ({@link ValueFieldsImpl}, used for nothing else) and compares their byte array with
     * the stored one ({@code TypedValueField}). A value kept in its row has no byte array, so these scratch fields
     * get one exactly when the stored value's would differ: none for an unchanged value kept in its row, the
     * bytes for an unchanged value stored as a byte array, and the bytes for a changed value either way.
     */
    private void writeForComparison(ObjectValue value, ValueFields scratch, byte[] serialized, String json,
            boolean inline) {
        boolean unchanged = json != null && json.equals(value.getValueSerialized());
        boolean storedInline = value instanceof StoredJson stored ? stored.inline : inline;
        scratch.setByteArrayValue(unchanged && storedInline ? null : serialized);
        scratch.setTextValue(inline ? json : null);
        scratch.setTextValue2(getObjectTypeName(value, scratch));
    }

    @Override
    protected byte[] readSerializedValueFromFields(ValueFields fields) {
        String json = fields.getTextValue();
        return json != null ? getSerializedBytesValue(json) : super.readSerializedValueFromFields(fields);
    }

    @Override
    protected ObjectValue createDeserializedValue(Object deserialized, String serialized, ValueFields fields,
            boolean asTransient) {
        StoredJson value = new StoredJson(deserialized, serialized, serializationDataFormat,
                readObjectNameFromFields(fields), fields.getTextValue() != null);
        value.setTransient(asTransient);
        return value;
    }

    /** A JSON object read from the database, knowing whether it was kept in its row (for the comparison above). */
    private static final class StoredJson extends ObjectValueImpl {

        private static final long serialVersionUID = 1L;

        final boolean inline;

        StoredJson(Object deserialized, String serialized, String dataFormat, String typeName, boolean inline) {
            super(deserialized, serialized, dataFormat, typeName, true);
            this.inline = inline;
        }
    }
}
