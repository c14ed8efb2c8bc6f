#include "report/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace aims::report {

namespace {

constexpr double kA4Short = 595.276, kA4Long = 841.89;  // points
constexpr const char* kFont = "DejaVu Sans";
constexpr double kPad = 3;           // cell padding
constexpr int kMaxCellLines = 40;    // longer cell text ends with an ellipsis, so a row fits a page

void set_rgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

double height_of(PangoLayout* l) {
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(bool landscape, std::string title, std::string footer)
    : page_w_(landscape ? kA4Long : kA4Short),
      page_h_(landscape ? kA4Short : kA4Long),
      title_(std::move(title)),
      footer_(std::move(footer)) {
  // The thread's default font map: pango keeps one per thread, so concurrent reports do not share it.
  pango_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_context_set_resolution(pango_, 72);  // 1 point = 1 unit of the page
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango_, fo);
  cairo_font_options_destroy(fo);
  new_page();
}

PdfDocument::~PdfDocument() {
  if (cr_) cairo_destroy(cr_);
  for (auto* p : pages_) cairo_surface_destroy(p);
  if (pango_) g_object_unref(pango_);
}

void PdfDocument::new_page() {
  if (cr_) cairo_destroy(cr_);
  cairo_rectangle_t extents{0, 0, page_w_, page_h_};
  pages_.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  cr_ = cairo_create(pages_.back());
  y_ = margin_;
}

void PdfDocument::ensure(double height) {
  if (y_ + height > bottom() && y_ > margin_ + 1) new_page();
}

PangoLayout* PdfDocument::layout(const std::string& text, double width, const Style& s) {
  PangoLayout* l = pango_layout_new(pango_);
  PangoFontDescription* fd = pango_font_description_from_string(kFont);
  pango_font_description_set_size(fd, static_cast<int>(s.size * PANGO_SCALE));
  pango_font_description_set_weight(fd, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, s.align);
  pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
  return l;
}

double PdfDocument::measure(const std::string& text, double width, const Style& s) {
  PangoLayout* l = layout(text, width, s);
  double h = height_of(l);
  g_object_unref(l);
  return h;
}

double PdfDocument::text_at(double x, double y, double width, const std::string& text, const Style& s) {
  PangoLayout* l = layout(text, width, s);
  set_rgb(cr_, s.rgb);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l);
  double h = height_of(l);
  g_object_unref(l);
  return h;
}

void PdfDocument::paragraph(const std::string& text, const Style& s, double after) {
  PangoLayout* l = layout(text, width(), s);
  double h = height_of(l);
  ensure(h);
  set_rgb(cr_, s.rgb);
  cairo_move_to(cr_, left(), y_);
  pango_cairo_show_layout(cr_, l);
  g_object_unref(l);
  y_ += h + after;
}

void PdfDocument::heading(const std::string& text, int level, double keep) {
  Style s{level == 1 ? 15.0 : 11.5, true, level == 1 ? 0x1f5fa8u : 0x1d2430u};
  double h = measure(text, width(), s);
  ensure(h + keep);
  if (y_ > margin_ + 1) y_ += level == 1 ? 10 : 6;
  text_at(left(), y_, width(), text, s);
  y_ += h + 2;
  if (level == 1) {
    set_rgb(cr_, 0x1f5fa8);
    cairo_set_line_width(cr_, 1.2);
    cairo_move_to(cr_, left(), y_);
    cairo_line_to(cr_, left() + width(), y_);
    cairo_stroke(cr_);
    y_ += 6;
  } else {
    y_ += 2;
  }
}

void PdfDocument::draw_header_row(const std::vector<Column>& columns, const std::vector<double>& widths,
                                  double font_size) {
  Style hs{font_size, true};
  double h = 0;
  std::vector<PangoLayout*> ls;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    hs.align = columns[c].align;
    ls.push_back(layout(columns[c].title, widths[c] - 2 * kPad, hs));
    h = std::max(h, height_of(ls.back()));
  }
  h += 2 * kPad;
  draw_row(ls, widths, h, 0xe4eaf2, true, 0x9aa6b5, 0.6);
}

void PdfDocument::draw_row(std::vector<PangoLayout*>& cells, const std::vector<double>& widths, double h,
                           unsigned background, bool filled, unsigned rule, double rule_width) {
  if (filled) {
    cairo_rectangle(cr_, left(), y_, width(), h);
    set_rgb(cr_, background);
    cairo_fill(cr_);
  }
  double x = left();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    set_rgb(cr_, 0x1d2430);
    cairo_move_to(cr_, x + kPad, y_ + kPad);
    pango_cairo_show_layout(cr_, cells[c]);
    g_object_unref(cells[c]);
    x += widths[c];
  }
  set_rgb(cr_, rule);
  cairo_set_line_width(cr_, rule_width);
  cairo_move_to(cr_, left(), y_ + h);
  cairo_line_to(cr_, left() + width(), y_ + h);
  cairo_stroke(cr_);
  y_ += h;
}

void PdfDocument::table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                        double font_size) {
  double total = 0;
  for (const auto& c : columns) total += c.weight;
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(width() * c.weight / total);
  Style cs{font_size};
  double header_h = measure("Xg", 100, Style{font_size, true}) + 2 * kPad;
  ensure(header_h + 2 * measure("Xg", 100, cs) + 4 * kPad);
  draw_header_row(columns, widths, font_size);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<PangoLayout*> ls;
    double h = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      cs.align = columns[c].align;
      PangoLayout* l = layout(c < rows[r].size() ? rows[r][c] : std::string(), widths[c] - 2 * kPad, cs);
      pango_layout_set_height(l, -kMaxCellLines);
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
      h = std::max(h, height_of(l));
      ls.push_back(l);
    }
    h += 2 * kPad;
    if (y_ + h > bottom()) {
      new_page();
      draw_header_row(columns, widths, font_size);
    }
    draw_row(ls, widths, h, 0xf4f6f9, r % 2 == 1, 0xd5dbe3, 0.4);
  }
  y_ += 8;
}

result<std::string> PdfDocument::finish() {
  std::string out;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(append, &out, page_w_, page_h_);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title_.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "aims");
  cairo_t* cr = cairo_create(pdf);
  std::string total = std::to_string(pages_.size());
  Style fs{7.5, false, 0x5b6675};
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    cairo_set_source_surface(cr, pages_[i], 0, 0);
    cairo_paint(cr);
    double fy = page_h_ - margin_ - 8;
    set_rgb(cr, 0xd5dbe3);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, margin_, fy - 4);
    cairo_line_to(cr, page_w_ - margin_, fy - 4);
    cairo_stroke(cr);
    PangoLayout* l = layout(footer_, width() * 0.75, fs);
    set_rgb(cr, fs.rgb);
    cairo_move_to(cr, margin_, fy);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    fs.align = PANGO_ALIGN_RIGHT;
    l = layout("Page " + std::to_string(i + 1) + " of " + total, width() * 0.25, fs);
    fs.align = PANGO_ALIGN_LEFT;
    cairo_move_to(cr, margin_ + width() * 0.75, fy);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  auto st = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (st != CAIRO_STATUS_SUCCESS) return make_error(errc::internal, std::string("writing the PDF failed: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace aims::report
