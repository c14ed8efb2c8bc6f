// A small page-layout engine over cairo + pango for the PDF reports: A4 pages (portrait or
// landscape), a flowing cursor, wrapped paragraphs, tables that wrap their cells, break across
// pages and repeat their header, free vector drawing through cairo, and "Page n of N" footers.
// Pages are recorded first and written to the PDF at the end, once the page count is known.
// Owned by the function that renders one report; not thread-safe (use one per thread).
#pragma once
#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace aims::report {

class PdfDocument {
 public:
  struct Style {
    double size = 9.5;  // points
    bool bold = false;
    unsigned rgb = 0x1d2430;
    PangoAlignment align = PANGO_ALIGN_LEFT;
  };
  struct Column {
    std::string title;
    double weight = 1;  // share of the table's width
    PangoAlignment align = PANGO_ALIGN_LEFT;
  };

  /// A4; `title` goes into the PDF metadata, `footer` to the left of every page's footer.
  PdfDocument(bool landscape, std::string title, std::string footer);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  double left() const { return margin_; }
  double width() const { return page_w_ - 2 * margin_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double remaining() const { return bottom() - y_; }
  /// The cairo context of the current page, for drawing in page coordinates (points).
  cairo_t* cr() { return cr_; }

  void new_page();
  /// Starts a new page unless `height` points still fit on this one.
  void ensure(double height);

  /// Height of `text` wrapped to `width`.
  double measure(const std::string& text, double width, const Style& s);
  /// Draws wrapped text with its top-left corner at (x, y); returns its height.
  double text_at(double x, double y, double width, const std::string& text, const Style& s);
  /// A wrapped paragraph at the cursor across the full width, then `after` points of space.
  void paragraph(const std::string& text, const Style& s, double after = 4);
  /// A heading (level 1 or 2), kept on a page with at least `keep` points after it.
  void heading(const std::string& text, int level, double keep = 60);
  /// A table at the cursor: header row repeated on every page, cells wrapped, rows never split.
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             double font_size = 8);

  /// Writes all pages with their footers; the PDF's bytes.
  result<std::string> finish();

 private:
  double bottom() const { return page_h_ - margin_ - 18; }
  PangoLayout* layout(const std::string& text, double width, const Style& s);
  void draw_header_row(const std::vector<Column>& columns, const std::vector<double>& widths, double font_size);
  /// Draws a row of laid-out cells (and releases the layouts) at the current position: an optional
  /// background, the cells, a rule underneath; then moves below it.
  void draw_row(std::vector<PangoLayout*>& cells, const std::vector<double>& widths, double h, unsigned background,
                bool filled, unsigned rule, double rule_width);

  double page_w_, page_h_, margin_ = 40;
  std::string title_, footer_;
  PangoContext* pango_ = nullptr;
  std::vector<cairo_surface_t*> pages_;  // recording surfaces, one per page
  cairo_t* cr_ = nullptr;
  double y_ = 0;
};

}  // namespace aims::report
