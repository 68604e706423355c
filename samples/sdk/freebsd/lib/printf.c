/*
 * printf family: integer, string, character and pointer conversions
 * with flags (- 0 + space #), width and precision (also as *), and the
 * hh h l ll z j t length modifiers. No floating point.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

struct sink {
	void (*put)(struct sink *, const char *, size_t);
	size_t count;		/* bytes produced, delivered or not */
	FILE *f;
	char *s;		/* string sink */
	size_t cap;
	unsigned char *buf;	/* bounce buffer for unbuffered streams */
	size_t blen, bcap;
	int fd;
	int err;
};

static void
emit(struct sink *k, const char *p, size_t n)
{
	if (n == 0)
		return;
	k->put(k, p, n);
	k->count += n;
}

static void
pad(struct sink *k, char c, int n)
{
	static const char spaces[16] = "                ";
	static const char zeros[16] = "0000000000000000";
	const char *src = c == '0' ? zeros : spaces;

	while (n > 0) {
		int m = n > 16 ? 16 : n;

		emit(k, src, (size_t)m);
		n -= m;
	}
}

enum { F_MINUS = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8, F_ALT = 16 };

static void
put_field(struct sink *k, int flags, int width, const char *prefix, int zeros,
    const char *body, size_t len)
{
	int plen = (int)strlen(prefix);
	int total = plen + zeros + (int)len;

	if (!(flags & F_MINUS))
		pad(k, ' ', width - total);
	emit(k, prefix, (size_t)plen);
	pad(k, '0', zeros);
	emit(k, body, len);
	if (flags & F_MINUS)
		pad(k, ' ', width - total);
}

static void
put_int(struct sink *k, unsigned long long v, int neg, int base, int upper,
    int flags, int width, int prec, int is_signed)
{
	char digits[24], prefix[3] = "";
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0, zeros = 0;

	if (!(prec == 0 && v == 0)) {
		do {
			digits[sizeof(digits) - 1 - n++] = set[v % (unsigned)base];
			v /= (unsigned)base;
		} while (v != 0);
	}
	if (is_signed) {
		if (neg)
			strcpy(prefix, "-");
		else if (flags & F_PLUS)
			strcpy(prefix, "+");
		else if (flags & F_SPACE)
			strcpy(prefix, " ");
	}
	if ((flags & F_ALT) && base == 16 && n > 0 &&
	    !(n == 1 && digits[sizeof(digits) - 1] == '0'))
		strcpy(prefix, upper ? "0X" : "0x");
	if (prec >= 0) {
		if (prec > n)
			zeros = prec - n;
	} else if ((flags & F_ZERO) && !(flags & F_MINUS)) {
		int room = width - (int)strlen(prefix) - n;

		if (room > 0)
			zeros = room;
	}
	if ((flags & F_ALT) && base == 8 && zeros == 0 &&
	    (n == 0 || digits[sizeof(digits) - n] != '0'))
		zeros = 1;
	put_field(k, flags, width, prefix, zeros, digits + sizeof(digits) - n, (size_t)n);
}

static int
format(struct sink *k, const char *fmt, va_list ap)
{
	while (*fmt) {
		const char *start = fmt;
		int flags = 0, width = 0, prec = -1, len = 0;
		unsigned long long u;
		long long s;

		while (*fmt && *fmt != '%')
			fmt++;
		emit(k, start, (size_t)(fmt - start));
		if (*fmt == '\0')
			break;
		start = fmt++;
		for (;; fmt++) {
			if (*fmt == '-') flags |= F_MINUS;
			else if (*fmt == '0') flags |= F_ZERO;
			else if (*fmt == '+') flags |= F_PLUS;
			else if (*fmt == ' ') flags |= F_SPACE;
			else if (*fmt == '#') flags |= F_ALT;
			else break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_MINUS;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		/* len: -2 hh, -1 h, 0 int, 1 long, 2 long long, 3 size_t/intmax/ptrdiff */
		if (*fmt == 'h') {
			len = -1;
			if (*++fmt == 'h') {
				len = -2;
				fmt++;
			}
		} else if (*fmt == 'l') {
			len = 1;
			if (*++fmt == 'l') {
				len = 2;
				fmt++;
			}
		} else if (*fmt == 'z' || *fmt == 'j' || *fmt == 't') {
			len = 3;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			if (len == 0) s = va_arg(ap, int);
			else if (len == -1) s = (short)va_arg(ap, int);
			else if (len == -2) s = (signed char)va_arg(ap, int);
			else if (len == 1) s = va_arg(ap, long);
			else s = va_arg(ap, long long);
			u = s < 0 ? 0 - (unsigned long long)s : (unsigned long long)s;
			put_int(k, u, s < 0, 10, 0, flags, width, prec, 1);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (len == 0) u = va_arg(ap, unsigned int);
			else if (len == -1) u = (unsigned short)va_arg(ap, unsigned int);
			else if (len == -2) u = (unsigned char)va_arg(ap, unsigned int);
			else if (len == 1) u = va_arg(ap, unsigned long);
			else u = va_arg(ap, unsigned long long);
			put_int(k, u, 0, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X',
			    flags, width, prec, 0);
			break;
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			put_int(k, u, 0, 16, 0, flags | F_ALT, width, prec, 0);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			put_field(k, flags, width, "", 0, &c, 1);
			break;
		}
		case 's': {
			const char *str = va_arg(ap, const char *);

			if (str == NULL)
				str = "(null)";
			put_field(k, flags, width, "", 0, str,
			    prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str));
			break;
		}
		case '%':
			emit(k, "%", 1);
			break;
		default:
			/* Unknown conversion: show it as written. */
			if (*fmt == '\0')
				fmt--;
			emit(k, start, (size_t)(fmt + 1 - start));
			break;
		}
		fmt++;
	}
	if (k->count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)k->count;
}

static void
put_string(struct sink *k, const char *p, size_t n)
{
	size_t room;

	if (k->count >= k->cap)
		return;
	room = k->cap - k->count;
	memcpy(k->s + k->count, p, n < room ? n : room);
}

int
vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
	struct sink k = { .put = put_string, .s = s, .cap = n > 0 ? n - 1 : 0 };
	int r = format(&k, fmt, ap);

	if (n > 0)
		s[k.count < k.cap ? k.count : k.cap] = '\0';
	return r;
}

int
snprintf(char *s, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

int
sprintf(char *s, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(s, INT_MAX, fmt, ap);
	va_end(ap);
	return r;
}

static void
put_file(struct sink *k, const char *p, size_t n)
{
	if (__uxrt_fwrite_bytes(k->f, p, n) != n)
		k->err = 1;
}

/* Collects output of unbuffered streams so one call makes one write. */
static void
put_bounce(struct sink *k, const char *p, size_t n)
{
	if (k->blen + n > k->bcap) {
		if (k->blen > 0 && __uxrt_fwrite_bytes(k->f, k->buf, k->blen) != k->blen)
			k->err = 1;
		k->blen = 0;
		if (n > k->bcap) {
			put_file(k, p, n);
			return;
		}
	}
	memcpy(k->buf + k->blen, p, n);
	k->blen += n;
}

int
vfprintf(FILE *f, const char *fmt, va_list ap)
{
	unsigned char bounce[512];
	struct sink k = { .put = put_file, .f = f };
	int r;

	if (__uxrt_to_write(f) != 0)
		return -1;
	if (f->bufmode == _IONBF) {
		k.put = put_bounce;
		k.buf = bounce;
		k.bcap = sizeof(bounce);
	}
	r = format(&k, fmt, ap);
	if (k.blen > 0 && __uxrt_fwrite_bytes(f, k.buf, k.blen) != k.blen)
		k.err = 1;
	return k.err ? -1 : r;
}

int
vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int
fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

static void
put_fd(struct sink *k, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t r = write(k->fd, p, n);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			k->err = 1;
			return;
		}
		p += r;
		n -= (size_t)r;
	}
}

int
dprintf(int fd, const char *fmt, ...)
{
	struct sink k = { .put = put_fd, .fd = fd };
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = format(&k, fmt, ap);
	va_end(ap);
	return k.err ? -1 : r;
}
