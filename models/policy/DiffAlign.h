#pragma once

// The engine under TextDiff: keys interned to dense numbers, and the
// alignment of two sequences of them (unique-match anchors, then a bounded
// LCS within the gaps). Used for lines and for the words of each changed
// line pair; private to the diff (TextDiff.cpp is its one user).

#include <QHashFunctions>
#include <QString>
#include <QStringView>
#include <algorithm>
#include <deque>
#include <vector>

namespace workbench::diff::detail {

// ---------------------------------------------------------------- interning

// Gives every distinct key a dense number, so the alignment compares ints.
// Open addressing over views into texts that outlive it.
class Interner
{
public:
    explicit Interner(qsizetype expected)
    {
        // Sized for the distinct keys, not the lines: it grows as it must
        // (a million lines of ten distinct texts need a few slots, not 64 MB).
        expected = std::min<qsizetype>(expected, 1 << 14);
        qsizetype size = 64;
        while (size < expected * 2)
            size *= 2;
        m_slots.assign(size_t(size), Slot{0, -1});
        m_mask = size_t(size) - 1;
    }

    int intern(QStringView key)
    {
        const size_t hash = qHash(key, 0x9e3779b9U);
        size_t i = hash & m_mask;
        for (;;) {
            Slot& slot = m_slots[i];
            if (slot.id < 0) {
                slot = Slot{hash, int(m_keys.size())};
                m_keys.push_back(key);
                if (m_keys.size() * 2 > m_slots.size())
                    grow();
                return int(m_keys.size()) - 1;
            }
            if (slot.hash == hash && m_keys[size_t(slot.id)] == key)
                return slot.id;
            i = (i + 1) & m_mask;
        }
    }

    int count() const { return int(m_keys.size()); }

    // Keeps a normalised key alive as long as the interner.
    QStringView keep(QString key)
    {
        m_storage.push_back(std::move(key));
        return m_storage.back();
    }

private:
    struct Slot
    {
        size_t hash;
        int id;
    };

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.size() * 2, Slot{0, -1});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.id < 0)
                continue;
            size_t i = s.hash & m_mask;
            while (m_slots[i].id >= 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    std::vector<QStringView> m_keys;
    std::deque<QString> m_storage;
};

// -------------------------------------------------------------- alignment

struct Match
{
    int a;
    int b;
};

// Scratch arrays indexed by key, reused across regions (and across the word
// alignment of every line pair) with a generation stamp instead of clearing.
class Aligner
{
public:
    static constexpr int MaxChain = 64;

    void reserveKeys(int keys)
    {
        if (int(m_stamp.size()) < keys) {
            m_stamp.resize(size_t(keys), 0);
            m_count.resize(size_t(keys));
            m_head.resize(size_t(keys));
        }
    }

    // Appends to `out` the matched pairs of a[aLo, aHi) and b[bLo, bHi), in
    // order.
    void align(const int* a, int aLo, int aHi, const int* b, int bLo, int bHi,
               std::vector<Match>& out)
    {
        if (int(m_next.size()) < aHi)
            m_next.resize(size_t(aHi));
        struct Region
        {
            int aLo, aHi, bLo, bHi;
        };
        // Regions are processed left to right: the stack holds the right
        // halves, and a matched run is pushed as a marker between them.
        struct Item
        {
            Region region;
            int runLength; // > 0: emit a run of matches at region.aLo/bLo
        };
        std::vector<Item> stack;
        stack.push_back({{aLo, aHi, bLo, bHi}, 0});
        while (!stack.empty()) {
            const Item item = stack.back();
            stack.pop_back();
            Region r = item.region;
            if (item.runLength > 0) {
                for (int k = 0; k < item.runLength; ++k)
                    out.push_back({r.aLo + k, r.bLo + k});
                continue;
            }
            // Common prefix and suffix.
            while (r.aLo < r.aHi && r.bLo < r.bHi && a[r.aLo] == b[r.bLo])
                out.push_back({r.aLo++, r.bLo++});
            int suffix = 0;
            while (r.aLo < r.aHi - suffix && r.bLo < r.bHi - suffix &&
                   a[r.aHi - 1 - suffix] == b[r.bHi - 1 - suffix])
                ++suffix;
            if (suffix > 0) {
                stack.push_back({{r.aHi - suffix, r.aHi, r.bHi - suffix, r.bHi}, suffix});
                r.aHi -= suffix;
                r.bHi -= suffix;
            }
            if (r.aLo == r.aHi || r.bLo == r.bHi)
                continue;

            int as = 0, bs = 0, len = 0;
            if (!findAnchor(a, b, r.aLo, r.aHi, r.bLo, r.bHi, as, bs, len)) {
                fallback(a, b, r.aLo, r.aHi, r.bLo, r.bHi, out);
                continue;
            }
            // Right part, the anchor, then the left part (popped first).
            stack.push_back({{as + len, r.aHi, bs + len, r.bHi}, 0});
            stack.push_back({{as, as + len, bs, bs + len}, len});
            stack.push_back({{r.aLo, as, r.bLo, bs}, 0});
        }
    }

private:
    // The longest common run that contains the rarest line of the region
    // (git's and JGit's histogram diff).
    bool findAnchor(const int* a, const int* b, int aLo, int aHi, int bLo, int bHi, int& bestA,
                    int& bestB, int& bestLen)
    {
        const quint32 gen = ++m_generation;
        for (int i = aHi - 1; i >= aLo; --i) {
            const int key = a[i];
            if (m_stamp[size_t(key)] != gen) {
                m_stamp[size_t(key)] = gen;
                m_count[size_t(key)] = 0;
                m_head[size_t(key)] = -1;
            }
            m_next[size_t(i)] = m_head[size_t(key)];
            m_head[size_t(key)] = i;
            ++m_count[size_t(key)];
        }
        int bestCount = MaxChain + 1;
        bestLen = 0;
        for (int j = bLo; j < bHi;) {
            const int key = b[j];
            int nextJ = j + 1;
            if (m_stamp[size_t(key)] != gen || m_count[size_t(key)] > bestCount) {
                j = nextJ;
                continue;
            }
            for (int ai = m_head[size_t(key)]; ai >= 0; ai = m_next[size_t(ai)]) {
                int as = ai, bs = j, ae = ai + 1, be = j + 1;
                int rc = m_count[size_t(key)];
                while (as > aLo && bs > bLo && a[as - 1] == b[bs - 1]) {
                    --as;
                    --bs;
                    rc = std::min(rc, m_count[size_t(a[as])]);
                }
                while (ae < aHi && be < bHi && a[ae] == b[be]) {
                    rc = std::min(rc, m_count[size_t(a[ae])]);
                    ++ae;
                    ++be;
                }
                nextJ = std::max(nextJ, be);
                if (rc < bestCount || (rc == bestCount && ae - as > bestLen)) {
                    bestCount = rc;
                    bestA = as;
                    bestB = bs;
                    bestLen = ae - as;
                }
                if (ae >= aHi)
                    break;
            }
            j = nextJ;
        }
        return bestLen > 0;
    }

    // Only lines too common to anchor on are shared: a bounded LCS. A
    // region too big for one table (a long run of short, repeated lines) is
    // aligned in blocks along its diagonal, each a bounded LCS: lines near
    // their old place are kept, where the whole region used to become one
    // replacement, every old line paired with a new one and diffed word by
    // word (millions of operations for 2 MB of one-character lines).
    void fallback(const int* a, const int* b, int aLo, int aHi, int bLo, int bHi,
                  std::vector<Match>& out)
    {
        const qint64 n = aHi - aLo, m = bHi - bLo;
        if (n * m <= MaxTable) {
            lcs(a, b, aLo, aHi, bLo, bHi, out);
            return;
        }
        const qint64 blocks = (std::max(n, m) + Block - 1) / Block;
        for (qint64 k = 0; k < blocks; ++k)
            lcs(a, b, aLo + int(n * k / blocks), aLo + int(n * (k + 1) / blocks),
                bLo + int(m * k / blocks), bLo + int(m * (k + 1) / blocks), out);
    }

    static constexpr qint64 MaxTable = 4'000'000; // cells of one LCS table (8 MB)
    static constexpr qint64 Block = 256;          // side of a diagonal block

    void lcs(const int* a, const int* b, int aLo, int aHi, int bLo, int bHi,
             std::vector<Match>& out)
    {
        const qint64 n = aHi - aLo, m = bHi - bLo;
        if (n == 0 || m == 0)
            return;
        m_table.assign(size_t((n + 1) * (m + 1)), 0);
        std::vector<quint16>& table = m_table;
        auto at = [&](qint64 i, qint64 j) -> quint16& {
            return table[size_t(i * (m + 1) + j)];
        };
        for (qint64 i = n - 1; i >= 0; --i)
            for (qint64 j = m - 1; j >= 0; --j)
                at(i, j) = a[aLo + i] == b[bLo + j] ? quint16(at(i + 1, j + 1) + 1)
                                                    : std::max(at(i + 1, j), at(i, j + 1));
        qint64 i = 0, j = 0;
        while (i < n && j < m) {
            if (a[aLo + i] == b[bLo + j]) {
                out.push_back({int(aLo + i), int(bLo + j)});
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
    }

    std::vector<quint16> m_table;
    std::vector<quint32> m_stamp;
    std::vector<int> m_count;
    std::vector<int> m_head;
    std::vector<int> m_next;
    quint32 m_generation = 0;
};

} // namespace workbench::diff::detail
