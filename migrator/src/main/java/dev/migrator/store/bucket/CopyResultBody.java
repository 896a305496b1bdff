package dev.migrator.store.bucket;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Reads the ETag out of a CopyObject response's {@code <CopyObjectResult>} and leaves the SDK an empty body, which it
 * takes without building an XML parser: that parser cost a fifth of a bucket copy's CPU per object, for two fields.
 * Anything else (S3's error in a 200 response, a body not shaped as expected) is left whole for the SDK to read and
 * throw on as before. One instance serves one CopyObject call.
 */
final class CopyResultBody implements UnaryOperator<byte[]> {
    private static final String ROOT = "<CopyObjectResult";
    private volatile String etag;

    /** The ETag taken (with its quotes, as S3 sends it), or null when the SDK read the body itself. */
    String etag() {
        return etag;
    }

    @Override
    public byte[] apply(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        int root = rootStart(xml);
        if (root < 0 || !xml.startsWith(ROOT, root) || !(xml.charAt(root + ROOT.length()) == '>' || Character.isWhitespace(xml.charAt(root + ROOT.length())))) {
            return body;
        }
        int open = xml.indexOf("<ETag>", root);
        int close = open < 0 ? -1 : xml.indexOf("</ETag>", open);
        if (close < 0) {
            return body;
        }
        String text = unescape(xml.substring(open + "<ETag>".length(), close));
        if (text == null) {
            return body;
        }
        etag = text;
        return new byte[0];
    }

    /** Where the root element's tag starts, past the declaration, comments and white space; -1 when none. */
    private static int rootStart(String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return -1;
            }
            char next = xml.charAt(i + 1);
            if (next != '?' && next != '!') {
                return i;
            }
            i = xml.indexOf('>', i);
            if (i < 0) {
                return -1;
            }
        }
    }

    /** The text of the first {@code <name>} element of {@code xml}, unescaped; null when there is none or it holds markup. */
    static String text(String xml, String name) {
        int open = xml.indexOf("<" + name + ">");
        int close = open < 0 ? -1 : xml.indexOf("</" + name + ">", open);
        return close < 0 ? null : unescape(xml.substring(open + name.length() + 2, close));
    }

    /** Text content with XML's five named entities and numeric references resolved; null for markup or a broken reference. */
    static String unescape(String text) {
        if (text.indexOf('<') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                continue;
            }
            int end = text.indexOf(';', i);
            if (end < 0) {
                return null;
            }
            String name = text.substring(i + 1, end);
            switch (name) {
                case "quot" -> out.append('"');
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "apos" -> out.append('\'');
                default -> {
                    try {
                        out.appendCodePoint(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                                : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
            i = end;
        }
        return out.toString();
    }
}
