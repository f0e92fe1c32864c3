package fr.guichet.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damage done to real samples, so that the inputs reach deep into a parser instead of being refused
 * on their first byte: bits flipped, bytes replaced (by values parsers treat specially), cut short,
 * runs inserted, removed or repeated; for text, the words of the format (its dictionary) spliced in.
 */
public final class Mutations {

    private static final byte[] INTERESTING = {
        0x00,
        0x01,
        0x02,
        0x03,
        0x04,
        0x05,
        0x06,
        0x21,
        0x2C,
        0x30,
        0x31,
        0x3B,
        0x7F,
        (byte) 0x80,
        (byte) 0x81,
        (byte) 0x82,
        (byte) 0x83,
        (byte) 0x84,
        (byte) 0xA0,
        (byte) 0xA3,
        (byte) 0xFE,
        (byte) 0xFF,
        '-',
        '\n',
        '\r',
        '"',
        '<',
        '>'
    };

    private Mutations() {}

    /** One to eight damages to a copy of {@code original}. */
    public static byte[] bytes(byte[] original, SplittableRandom random) {
        var bytes = original.clone();
        var count = 1 + random.nextInt(1 + random.nextInt(8));
        for (var i = 0; i < count; i++) {
            if (bytes.length == 0) {
                bytes = new byte[] {(byte) random.nextInt(256)};
            }
            var at = random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 3 -> bytes = Arrays.copyOf(bytes, at);
                case 4 -> {
                    var inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    bytes = spliced(bytes, at, at, inserted);
                }
                case 5 -> bytes = spliced(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(32)), new byte[0]);
                default -> {
                    // a run of the file repeated elsewhere: nested structures, repeated fields
                    var from = random.nextInt(bytes.length);
                    var run = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 1 + random.nextInt(64)));
                    bytes = spliced(bytes, at, at, run);
                }
            }
        }
        return bytes;
    }

    /**
     * One to eight damages to a copy of {@code original}: a word of {@code dictionary} inserted or put
     * in place of a run, a run removed or repeated, a random character, or the bytes damaged.
     */
    public static String text(String original, List<String> dictionary, SplittableRandom random) {
        var text = new StringBuilder(original);
        var count = 1 + random.nextInt(1 + random.nextInt(8));
        for (var i = 0; i < count; i++) {
            var at = random.nextInt(text.length() + 1);
            var end = Math.min(text.length(), at + random.nextInt(16));
            switch (random.nextInt(6)) {
                case 0 -> text.insert(at, pick(dictionary, random));
                case 1 -> text.replace(at, end, pick(dictionary, random));
                case 2 -> text.delete(at, end);
                case 3 -> text.insert(at, text.substring(at, end).repeat(1 + random.nextInt(4)));
                case 4 -> text.insert(at, (char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
                default -> {
                    return new String(
                            bytes(text.toString().getBytes(StandardCharsets.UTF_8), random), StandardCharsets.UTF_8);
                }
            }
        }
        return text.toString();
    }

    /** Text of {@code length} characters mostly taken from {@code alphabet}, now and then any. */
    public static String text(String alphabet, int length, SplittableRandom random) {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) {
            text.append(
                    random.nextInt(8) == 0
                            ? (char) random.nextInt(0x800)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    public static byte[] randomBytes(int length, SplittableRandom random) {
        var bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public static byte[] spliced(byte[] bytes, int from, int to, byte[] inserted) {
        var out = new byte[bytes.length - (to - from) + inserted.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(inserted, 0, out, from, inserted.length);
        System.arraycopy(bytes, to, out, from + inserted.length, bytes.length - to);
        return out;
    }

    public static <T> T pick(List<T> choices, SplittableRandom random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
