package com.extensioncallouts.http;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.extensioncallouts.template.BodyEscaping;

/**
 * A ticket as XML (api.md, XML): root {@code <ticket>}, one child per top-level field, each UDF as
 * {@code <udf name="RMM Alert ID">a-123</udf>}. A field whose name is not a safe XML element name
 * becomes {@code <field name="...">}; nested objects become nested elements, lists repeat the element.
 */
final class XmlTicketWriter {

    /** Conservative: ASCII names that every XML parser accepts, not starting with "xml". */
    private static final Pattern SAFE_NAME = Pattern.compile("(?!(?i:xml))[A-Za-z_][A-Za-z0-9._-]*");

    private XmlTicketWriter() {
    }

    static String write(Map<String, Object> ticket) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ticket>");
        if (ticket != null) {
            ticket.forEach((name, value) -> {
                if (TicketPairs.UDFS.equals(name) && value instanceof Map<?, ?> udfs) {
                    udfs.forEach((udf, udfValue) -> xml.append("<udf name=\"").append(escape(String.valueOf(udf)))
                            .append("\">").append(escape(CalloutRequestBuilder.text(udfValue))).append("</udf>"));
                } else {
                    element(xml, name, value);
                }
            });
        }
        return xml.append("</ticket>").toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(element -> element(xml, name, element));
            return;
        }
        boolean safe = SAFE_NAME.matcher(name).matches();
        String open = safe ? "<" + name : "<field name=\"" + escape(name) + "\"";
        String close = safe ? "</" + name + ">" : "</field>";
        if (value == null) {
            xml.append(open).append("/>");
        } else if (value instanceof Map<?, ?> map) {
            xml.append(open).append('>');
            map.forEach((key, nested) -> element(xml, String.valueOf(key), nested));
            xml.append(close);
        } else {
            xml.append(open).append('>').append(escape(CalloutRequestBuilder.text(value))).append(close);
        }
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry at all (most control characters). */
    static String escape(String s) {
        return BodyEscaping.XML.escape(s);
    }
}
