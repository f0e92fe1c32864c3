package fr.guichet.branding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Whether an upload is an image the band can show: at most 1 MB, JPEG or GIF by its bytes, of the
 * slot's exact size, one frame, and decodable. The size is read from the header before any pixel
 * is decoded: a small file declaring 60000 × 60000 pixels (a decompression bomb) is refused without
 * the gigabytes of memory decoding it would take, and an animated GIF is refused on its frame
 * count. Only then is the one small frame decoded, to refuse a damaged file before it is shown.
 */
final class ImageCheck {

    static final int MAX_BYTES = 1024 * 1024;
    static final String MAX_LABEL = "1";

    private ImageCheck() {}

    /** @return the format found, when every check passed */
    static ImageFormat check(byte[] bytes, ImageSlot slot) {
        var what = new DefaultMessageSourceResolvable(slot.messageKey());
        if (bytes.length == 0) {
            throw new BrandingRefusal("branding.image.empty", what);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BrandingRefusal("branding.image.too-large", what, MAX_LABEL);
        }
        var format = ImageFormat.of(bytes);
        if (format == ImageFormat.UNKNOWN) {
            throw new BrandingRefusal("branding.image.not-an-image", what);
        }
        if (!format.accepted()) {
            throw new BrandingRefusal("branding.image.wrong-type", what, format.label());
        }
        var readers = ImageIO.getImageReadersByFormatName(format.readerFormat());
        if (!readers.hasNext()) {
            throw new IllegalStateException("the runtime has no " + format.readerFormat() + " reader");
        }
        var reader = readers.next();
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, false, true);
            checkHeader(reader, slot, format, what);
            decode(reader, what);
            return format;
        } catch (BrandingRefusal refusal) {
            throw refusal;
        } catch (IOException | RuntimeException unreadable) {
            throw new BrandingRefusal("branding.image.unreadable", what);
        } finally {
            reader.dispose();
        }
    }

    private static void checkHeader(
            ImageReader reader, ImageSlot slot, ImageFormat format, DefaultMessageSourceResolvable what)
            throws IOException {
        // the header only: nothing is allocated for the pixels yet
        var width = reader.getWidth(0);
        var height = reader.getHeight(0);
        if (width != slot.width() || height != slot.height()) {
            throw new BrandingRefusal(
                    "branding.image.wrong-size",
                    what,
                    String.valueOf(width),
                    String.valueOf(height),
                    String.valueOf(slot.width()),
                    String.valueOf(slot.height()));
        }
        if (format.gif()) {
            // walks the blocks without decoding them; the file is at most 1 MB
            var frames = reader.getNumImages(true);
            if (frames < 1) {
                throw new BrandingRefusal("branding.image.unreadable", what);
            }
            if (frames > 1) {
                throw new BrandingRefusal("branding.image.animated", what, String.valueOf(frames));
            }
        }
    }

    private static void decode(ImageReader reader, DefaultMessageSourceResolvable what) throws IOException {
        // a truncated JPEG is only a warning to the reader, which fills the rest in grey
        var damaged = new AtomicBoolean();
        reader.addIIOReadWarningListener(new IIOReadWarningListener() {
            @Override
            public void warningOccurred(ImageReader source, String warning) {
                damaged.set(true);
            }
        });
        reader.read(0);
        if (damaged.get()) {
            throw new BrandingRefusal("branding.image.unreadable", what);
        }
    }
}
