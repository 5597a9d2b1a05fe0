package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks the gzipped tar {@code npm pack} writes (ustar, with pax {@code path} records for long names), so the
 * installer needs no {@code tar} program. Entries that would land outside the target folder are refused.
 */
final class Tarball {

    private static final int BLOCK = 512;

    private Tarball() {}

    static void extract(Path tgz, Path target) {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)))) {
            String paxPath = null;
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = octal(header, 124, 12);
                long mode = octal(header, 100, 8);
                char type = (char) header[156];
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (type == 'x') {
                    paxPath = paxValue(new String(body, StandardCharsets.UTF_8), "path");
                    continue;
                }
                String path = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
                paxPath = null;
                Path out = root.resolve(path).normalize();
                if (!out.startsWith(root)) {
                    throw new CliNotFoundException("Refusing the tarball entry " + path + " of " + tgz);
                }
                if (type == '5') {
                    Files.createDirectories(out);
                } else if (type == '0' || type == 0) {
                    Files.createDirectories(out.getParent());
                    Files.write(out, body);
                    if ((mode & 0100) != 0 && Files.getFileStore(out).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new CliNotFoundException("Could not unpack " + tgz + ": " + e.getMessage(), e);
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    /** A pax record is {@code "<len> key=value\n"}. */
    private static String paxValue(String records, String key) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith(key + "=", space + 1)) {
                return line.substring(space + 2 + key.length());
            }
        }
        return null;
    }
}
