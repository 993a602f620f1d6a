package com.extensioncallouts.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;

/**
 * Spin's serializer of JSON object variables (a rule's {@code ticket}), keeping a value of up to
 * {@value #MAX_INLINE} characters in the variable's own row instead of a row of {@code ACT_GE_BYTEARRAY}.
 * <p>
 * Camunda writes an object variable's bytes to a byte array row of their own, which the variable row points to:
 * for a delivery, an insert, a read and a delete for the ticket of each of its two instances, and an insert for
 * each history row that keeps it, each with the foreign-key checks of those tables on PostgreSQL. Object
 * variables leave the text column ({@code TEXT_}, 4,000 characters in Camunda's schema) empty; this serializer
 * keeps the JSON there when it fits. A longer value goes to a byte array as before, and a value stored before
 * (a byte array, no text) is read as before. Same name and type as the serializer it replaces, so Cockpit, the
 * REST API and history read these variables as any other JSON object.
 */
final class InlineJsonSerializer extends SpinObjectValueSerializer {

    /** The length of Camunda's {@code TEXT_} columns (runtime variables, their history and details). */
    static final int MAX_INLINE = 4000;

    static final String NAME = "spin://" + DataFormats.JSON_DATAFORMAT_NAME;

    private InlineJsonSerializer() {
        super(NAME, DataFormats.json());
    }

    /** Puts this serializer in the place of Spin's JSON one; does nothing if Spin's plugin did not register it. */
    static void replaceSpins(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        TypedValueSerializer<?> spins = serializers.getSerializerByName(NAME);
        if (spins instanceof SpinObjectValueSerializer && !(spins instanceof InlineJsonSerializer)) {
            int index = serializers.getSerializerIndex(spins);
            serializers.removeSerializer(spins);
            serializers.addSerializer(new InlineJsonSerializer(), index);
        }
    }

    @Override
    protected void writeToValueFields(ObjectValue value, ValueFields fields, byte[] serialized) {
        String json = serialized == null ? null : getSerializedStringValue(serialized);
        if (json != null && json.length() <= MAX_INLINE) {
            fields.setByteArrayValue(null); // deletes the byte array of a longer earlier value, if there was one
            fields.setTextValue(json);
            fields.setTextValue2(getObjectTypeName(value, fields));
        } else {
            fields.setTextValue(null);
            super.writeToValueFields(value, fields, serialized);
        }
    }

    @Override
    protected byte[] readSerializedValueFromFields(ValueFields fields) {
        String json = fields.getTextValue();
        return json != null ? getSerializedBytesValue(json) : super.readSerializedValueFromFields(fields);
    }
}
