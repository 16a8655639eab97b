package io.frontdesk.knowledge.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Sorter;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.misc.index.BPIndexReorderer;
import org.apache.lucene.store.Directory;

/**
 * The merge policy of the index: Lucene's tiered policy, except that a forced merge asked for with
 * {@link #grouping} (the one {@link IndexCompaction} runs once writes stop) also renumbers the
 * articles so that those whose titles and tags share words sit next to each other (recursive graph
 * bisection, Lucene's {@link BPIndexReorderer}). A lone segment that was never grouped is rewritten
 * on its own for it.
 *
 * <p>Why: the search skips blocks of 128 documents whose best possible score cannot reach the
 * current top hits ({@code TopHits}), and a title word's best score in a block is high wherever one
 * article of the block has it. In insertion order the articles about printers are spread over every
 * block; grouped, most blocks hold none and are skipped. At 100k articles this took 13-21 % off the
 * search CPU p99 and 12-16 % off the median (docs/BENCHMARKS.md, "Knowledge speed, seventh pass").
 * Only the short fields count: they carry the high weights, and adding the bodies (hundreds of
 * words each) made the grouping slower and the search slower than with titles and tags alone.
 * Results are the same, except that articles with exactly equal scores may come in another order.
 *
 * <p>Why not in every merge: a merge that renumbers cannot copy stored fields and doc values in
 * bulk, so the rebuild's merge took a quarter longer (18.4-19.1 s against 22.6-24.3 s for 100k
 * articles). The rebuild stays as fast as before and the grouping follows in the background, a few
 * seconds later. Natural merges (of the small segments single writes leave) are frequent and small,
 * and the next compaction groups the whole index anyway.
 */
final class ArticleOrder extends FilterMergePolicy {
  /** Whether a segment was renumbered, in its diagnostics (tests, and anyone reading the index). */
  static final String DIAGNOSTIC = "frontdesk.grouped";

  /**
   * A word takes part in the grouping when at least this share of the articles have it: rarer words
   * group too few articles to change which blocks are skipped, and each costs time. It is Lucene's
   * default (4,096 documents) at 100k articles, scaled, so smaller indexes group too.
   */
  private static final double MIN_SHARE = 0.04;

  /** Held at most for the length of a merge: two ints per article and per word taking part. */
  private static final double RAM_MB = 64;

  private volatile boolean grouping;

  ArticleOrder() {
    super(new TieredMergePolicy());
  }

  /** Whether the forced merges asked for from now on group (set around one forced merge). */
  void grouping(boolean on) {
    grouping = on;
  }

  /**
   * Whether this segment came out of a grouping merge, grouped or not (it is written "false" when
   * grouping was given up, so that the segment is not rewritten again and again).
   */
  static boolean attempted(SegmentCommitInfo info) {
    return info.info.getDiagnostics().containsKey(DIAGNOSTIC);
  }

  @Override
  public MergeSpecification findForcedMerges(
      SegmentInfos infos,
      int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge,
      MergeContext context)
      throws IOException {
    MergeSpecification spec =
        super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
    if (!grouping) {
      return spec;
    }
    if (spec == null && infos.size() == 1) {
      SegmentCommitInfo only = infos.info(0);
      if (!attempted(only)
          && segmentsToMerge.containsKey(only)
          && !context.getMergingSegments().contains(only)) {
        // Already one segment, in the order it was written: rewritten alone, grouped.
        spec = new MergeSpecification();
        spec.add(new OneMerge(List.of(only)));
      }
    }
    return grouped(spec);
  }

  private static MergeSpecification grouped(MergeSpecification spec) {
    if (spec == null) {
      return null;
    }
    MergeSpecification out = new MergeSpecification();
    for (OneMerge merge : spec.merges) {
      out.add(new GroupingMerge(merge));
    }
    return out;
  }

  /** A forced merge whose result is renumbered. */
  private static final class GroupingMerge extends OneMerge {
    private final OneMerge in;
    private boolean grouped;

    GroupingMerge(OneMerge in) {
      super(in);
      this.in = in;
    }

    @Override
    public CodecReader wrapForMerge(CodecReader reader) throws IOException {
      return in.wrapForMerge(reader);
    }

    @Override
    public Sorter.DocMap reorder(CodecReader reader, Directory dir, Executor executor)
        throws IOException {
      BPIndexReorderer bp = new BPIndexReorderer();
      bp.setFields(Set.of(ArticleIndex.TITLE, ArticleIndex.TAGS));
      bp.setMinDocFreq(Math.max(2, (int) (reader.maxDoc() * MIN_SHARE)));
      bp.setRAMBudgetMB(RAM_MB);
      try {
        Sorter.DocMap map = bp.computeDocMap(reader, dir, executor);
        grouped = map != null;
        return map;
      } catch (BPIndexReorderer.NotEnoughRAMException e) {
        // Too large to group within the budget: merged as it is, which is only slower to search.
        return null;
      }
    }

    @Override
    public void setMergeInfo(SegmentCommitInfo info) {
      info.info.addDiagnostics(Map.of(DIAGNOSTIC, Boolean.toString(grouped)));
      super.setMergeInfo(info);
    }
  }
}
