/// A QR symbol before masking, packed 64 modules to a word both by rows and by columns, and the
/// data mask libqrencode 4.1.1 would choose for it (mask.c, `Mask_mask`).
///
/// libqrencode masks the symbol eight times, one byte per module, and keeps the first mask with
/// the lowest demerit. Here the same demerit is counted on packed lines: N4 (10 for each 5 % the
/// dark share is away from 50 %), N2 (3 for each 2 × 2 block of one colour), and, line by line,
/// N1 and N3 as its `Mask_calcN1N3` counts them over the runs, edge cases included
/// (`PackedLine`). A mask is dropped as soon as its partial sum reaches the best so far.
/// QRMaskChoiceTests checks every module against `QRcode_encodeString8bit`.
struct UnmaskedQRSymbol {
    /// Modules per side (at most 177).
    let size: Int
    /// Words per line: 177 modules take 3, and a fourth, always 0, lets `PackedLine` read 64
    /// modules from any position.
    static let stride = 4
    /// Four regions of `size` lines each (see `Region`): bit x of line y is module (x, y) by rows,
    /// module (y, x) by columns.
    private let lines: [UInt64]
    /// Where format bit n goes, as (x, y): entries 2n and 2n + 1.
    private let formatPositions: [(x: Int, y: Int)]

    private enum Region: Int {
        /// The colour of each module before masking; the format information is left light, as
        /// libqrencode leaves it until a mask is chosen.
        case rows, columns
        /// The data and error correction modules: those a mask flips.
        case rowFlips, columnFlips
    }

    /// Reads libqrencode's symbol encoded with mask 0 (`QRcode_encodeMask(input, 0)`): one byte per
    /// module, bit 0 its colour, bit 7 set for function patterns, bit 2 for format information.
    init(maskedWithMask0 modules: UnsafePointer<UInt8>, size: Int) {
        precondition(size >= 21 && size <= 64 * (Self.stride - 1), "not a QR symbol size")
        self.size = size
        let stride = Self.stride
        let regionSize = size * stride
        var lines = [UInt64](repeating: 0, count: 4 * regionSize)
        lines.withUnsafeMutableBufferPointer { lines in
            let rows = lines.baseAddress!, columns = rows + regionSize
            let rowFlips = rows + 2 * regionSize, columnFlips = rows + 3 * regionSize
            for y in 0..<size {
                let yBit: UInt64 = 1 << UInt64(y & 63)
                for x in 0..<size {
                    let module = modules[y * size + x]
                    let xBit: UInt64 = 1 << UInt64(x & 63)
                    let dark: Bool
                    if module & 0x80 == 0 {
                        rowFlips[y * stride + x >> 6] |= xBit
                        columnFlips[x * stride + y >> 6] |= yBit
                        dark = (module & 1 == 1) != ((x + y) & 1 == 0)  // undo mask 0
                    } else {
                        dark = module & 0x05 == 0x01  // format information stays light
                    }
                    if dark {
                        rows[y * stride + x >> 6] |= xBit
                        columns[x * stride + y >> 6] |= yBit
                    }
                }
            }
        }
        self.lines = lines
        formatPositions = QRMask.formatPositions(size: size)
    }

    /// The mask libqrencode picks: the lowest demerit, the first one on a tie.
    func bestMask() -> Int {
        var best = Int.max, bestMask = 0
        var masked = [UInt64](repeating: 0, count: size * Self.stride)
        masked.withUnsafeMutableBufferPointer { masked in
            for mask in 0..<8 {
                let demerit = self.demerit(mask: mask, below: best, masked: masked.baseAddress!)
                if demerit < best { best = demerit; bestMask = mask }
            }
        }
        return bestMask
    }

    /// The rows of the symbol with `mask` applied and its format information written, `stride`
    /// words a row.
    func maskedRows(_ mask: Int) -> [UInt64] {
        var rows = [UInt64](repeating: 0, count: size * Self.stride)
        rows.withUnsafeMutableBufferPointer { apply(mask, byColumns: false, to: $0.baseAddress!) }
        return rows
    }

    /// The demerit of `mask`, or any number not below `limit` once it is sure to reach it.
    private func demerit(mask: Int, below limit: Int, masked: UnsafeMutablePointer<UInt64>) -> Int {
        apply(mask, byColumns: false, to: masked)
        var dark = 0
        for i in 0..<size * Self.stride { dark += masked[i].nonzeroBitCount }
        let area = size * size
        let percent = (200 * dark + area) / area / 2  // rounded, as libqrencode rounds it
        var demerit = abs(percent - 50) / 5 * 10
        demerit += sameColourBlocks(masked) * 3
        for byColumns in [false, true] {
            if demerit >= limit { return demerit }
            if byColumns { apply(mask, byColumns: true, to: masked) }
            for line in 0..<size {
                demerit += PackedLine(masked + line * Self.stride, count: size).demerit
                if demerit >= limit { return demerit }
            }
        }
        return demerit
    }

    /// Writes the masked symbol into `masked`, row by row or column by column.
    private func apply(_ mask: Int, byColumns: Bool, to masked: UnsafeMutablePointer<UInt64>) {
        let stride = Self.stride, words = (size + 63) / 64
        let regionSize = size * stride
        lines.withUnsafeBufferPointer { lines in
            let colours = lines.baseAddress! + (byColumns ? Region.columns : Region.rows).rawValue * regionSize
            let flips = lines.baseAddress! + (byColumns ? Region.columnFlips : Region.rowFlips).rawValue * regionSize
            (byColumns ? QRMask.columnPatterns : QRMask.rowPatterns).withUnsafeBufferPointer { patterns in
                for line in 0..<size {
                    let pattern = (mask * QRMask.period + line % QRMask.period) * QRMask.patternStride
                    for k in 0..<words {
                        let i = line * stride + k
                        masked[i] = colours[i] ^ (patterns[pattern + k] & flips[i])
                    }
                }
            }
        }
        // Format information: 15 bits, each written twice (Mask_writeFormatInformation).
        let format = QRMask.formatInformation[mask]
        for (bit, (x, y)) in formatPositions.enumerated() where format >> (bit >> 1) & 1 == 1 {
            let (line, position) = byColumns ? (x, y) : (y, x)
            masked[line * stride + position >> 6] |= 1 << UInt64(position & 63)
        }
    }

    /// 2 × 2 blocks of one colour, counted on rows: a module equal to its left neighbour and to
    /// the two modules above them.
    private func sameColourBlocks(_ rows: UnsafeMutablePointer<UInt64>) -> Int {
        let stride = Self.stride, words = (size + 63) / 64
        let lastWord = PackedLine.lowBits(size - 64 * (words - 1))
        var count = 0
        for y in 1..<size {
            var rowCarry: UInt64 = 0, equalCarry: UInt64 = 0
            for k in 0..<words {
                let above = rows[(y - 1) * stride + k], row = rows[y * stride + k]
                let vertical = ~(above ^ row)
                // Bit x of each shifted word is module x - 1; bit 0 of the line has no left neighbour.
                var blocks = vertical & (vertical << 1 | equalCarry) & ~(row ^ (row << 1 | rowCarry))
                if k == 0 { blocks &= ~1 }
                if k == words - 1 { blocks &= lastWord }
                count += blocks.nonzeroBitCount
                equalCarry = vertical >> 63
                rowCarry = row >> 63
            }
        }
        return count
    }
}

/// One row or column of a masked symbol, bit x its module x (1 is dark), followed by at least one
/// zero word; and its N1 and N3 demerit, as libqrencode's `Mask_calcRunLengthH`/`V` and
/// `Mask_calcN1N3` count them, found 64 modules at a time instead of run by run.
struct PackedLine {
    let words: UnsafePointer<UInt64>
    /// Modules in the line.
    let count: Int

    init(_ words: UnsafePointer<UInt64>, count: Int) {
        self.words = words
        self.count = count
    }

    /// N1: 3 + (length - 5) for each run of 5 or more, that is one for each window of 5 equal
    /// modules and 2 more for each such run. N3: 40 for each dark run of 3f between light, dark
    /// runs of f on both sides (`finderLike`); only dark runs that may be one are looked at:
    /// 3 long inside light, dark, light … light, dark, light (f = 1), or 6 or more long after two
    /// light modules.
    var demerit: Int {
        var demerit = 0
        var start = 0
        while start < count {
            let w0 = window(start), w1 = window(start + 1), w2 = window(start + 2)
            let w3 = window(start + 3), w4 = window(start + 4), w5 = window(start + 5)
            // Bit t: module start + t differs from the one before it (module 0 always does).
            let before = start == 0 ? w0 << 1 | ~w0 & 1 : window(start - 1)
            // Bit t: module start + t - 2 (and - 3), light before module 0.
            let twoBefore = start == 0 ? w0 << 2 : window(start - 2)
            let threeBefore = start == 0 ? w0 << 3 : window(start - 3)
            let runStarts = w0 ^ before
            let same3 = ~(w0 ^ w1) & ~(w0 ^ w2)
            let five = same3 & ~(w0 ^ w3) & ~(w0 ^ w4) & Self.lowBits(count - 4 - start)
            demerit += five.nonzeroBitCount + 2 * (five & runStarts).nonzeroBitCount
            let mayBeFinderLike = (~threeBefore & twoBefore & ~w3 & w4 & ~w5) | (~twoBefore & w3 & w4 & w5)
            var darkRuns = w0 & w1 & w2 & runStarts & mayBeFinderLike & Self.lowBits(count - 2 - start)
            while darkRuns != 0 {
                if finderLike(darkRunAt: start + darkRuns.trailingZeroBitCount) { demerit += 40 }
                darkRuns &= darkRuns - 1
            }
            start += 64
        }
        return demerit
    }

    /// Whether the dark run starting at `x` is the middle of a 1:1:3:1:1 pattern that
    /// `Mask_calcN1N3` counts: runs f, f, 3f, f, f (dark, light, dark, light, dark), with before
    /// it light only, or at least 4f light modules, or after it the same.
    func finderLike(darkRunAt x: Int) -> Bool {
        let length = run(from: x, dark: true)
        guard length % 3 == 0 else { return false }
        let f = length / 3
        let firstStart = x - 2 * f, lastStart = x + length + f, end = lastStart + f
        guard firstStart >= 0, end <= count,
              run(endingAt: x - 1, dark: false) == f, run(endingAt: x - f - 1, dark: true) == f,
              run(from: x + length, dark: false) == f, run(from: lastStart, dark: true) == f
        else { return false }
        // libqrencode: the pattern's first dark run is run 3 (only light before it), or the light
        // run before it is 4f or more; else the run after it is the last one, or 4f or more.
        return firstStart == 0 || run(endingAt: firstStart - 1, dark: false) == firstStart
            || run(endingAt: firstStart - 1, dark: false) >= 4 * f
            || end == count || run(from: end, dark: false) == count - end
            || run(from: end, dark: false) >= 4 * f
    }

    /// Modules `x` … `x` + 63 (0 past the end of the line); `x` < `count` + 64.
    @inline(__always)
    func window(_ x: Int) -> UInt64 {
        let shift = UInt64(x & 63)
        let low = words[x >> 6] >> shift
        return shift == 0 ? low : low | words[x >> 6 + 1] << (64 - shift)
    }

    /// How many modules of one colour run from `x` (< `count`) to the right.
    func run(from x: Int, dark: Bool) -> Int {
        var length = 0
        while true {
            let bits = window(x + length)
            let same = (dark ? ~bits : bits).trailingZeroBitCount
            length += same
            if same < 64 || x + length >= count { break }
        }
        return min(length, count - x)
    }

    /// How many modules of one colour run from `x` (≥ 0) to the left.
    func run(endingAt x: Int, dark: Bool) -> Int {
        var length = 0
        while x - length >= 0 {
            let end = x - length
            // Modules end - 63 … end, the last one in the top bit; 0 (light) before module 0.
            let bits = end >= 63 ? window(end - 63) : window(0) << UInt64(63 - end)
            let same = (dark ? ~bits : bits).leadingZeroBitCount
            length += same
            if same < 64 { break }
        }
        return min(length, x + 1)
    }

    /// The lowest `n` bits set (none for n ≤ 0, all for n ≥ 64).
    static func lowBits(_ n: Int) -> UInt64 {
        n <= 0 ? 0 : n >= 64 ? ~0 : (1 << UInt64(n)) - 1
    }
}

/// The eight data masks (ISO/IEC 18004 Table 10, written as libqrencode's mask.c writes them) and
/// the format information that names them.
enum QRMask {
    /// Whether `mask` flips module (x, y): where libqrencode's expression is 0.
    static func flips(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) & 1 == 0
        case 1: return y & 1 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (y / 2 + x / 3) & 1 == 0
        case 5: return (x * y) & 1 + (x * y) % 3 == 0
        case 6: return ((x * y) & 1 + (x * y) % 3) & 1 == 0
        default: return ((x * y) % 3 + (x + y) & 1) & 1 == 0
        }
    }

    /// Every mask repeats along a line, and from line to line, with a period dividing 12.
    static let period = 12

    /// `rowPatterns[(mask * 12 + y % 12) * patternStride + k]`: word k of the modules `mask` flips in row y.
    static let rowPatterns = patterns { mask, line, position in flips(mask, x: position, y: line) }
    /// The same for column x: bit y is module (x, y).
    static let columnPatterns = patterns { mask, line, position in flips(mask, x: line, y: position) }

    /// Words per pattern line: 177 modules.
    static let patternStride = 3

    private static func patterns(_ flips: (Int, Int, Int) -> Bool) -> [UInt64] {
        let words = patternStride
        var table = [UInt64](repeating: 0, count: 8 * period * words)
        for mask in 0..<8 {
            for line in 0..<period {
                for position in 0..<64 * words where flips(mask, line, position) {
                    table[(mask * period + line) * words + position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
        return table
    }

    /// The 15 format bits of error correction level M with each mask (libqrencode's
    /// `QRspec_getFormatInfo(mask, QR_ECLEVEL_M)`; ISO/IEC 18004 Annex C).
    static let formatInformation: [Int] = [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0]

    /// Where format bit n goes, as (x, y): entries 2n and 2n + 1 (Mask_writeFormatInformation).
    static func formatPositions(size: Int) -> [(x: Int, y: Int)] {
        var positions: [(x: Int, y: Int)] = []
        positions.reserveCapacity(30)
        for i in 0..<8 {
            positions.append((size - 1 - i, 8))
            positions.append((8, i < 6 ? i : i + 1))
        }
        for i in 0..<7 {
            positions.append((8, size - 7 + i))
            positions.append((i == 0 ? 7 : 6 - i, 8))
        }
        return positions
    }
}
