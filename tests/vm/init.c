// SPDX-License-Identifier: MIT
/*
 * /init for the a64stub test guest.
 *
 * Runs as pid 1 from the initramfs:
 *   - mounts proc, sysfs, devtmpfs (/dev), devpts (/dev/pts), tmpfs (/tmp);
 *   - prints the first CPU's "Features" line of /proc/cpuinfo (what the
 *     kernel enabled: sve, paca/pacg, mte... on QEMU's max CPU);
 *   - loads the kernel modules listed in /lib/modules/order (one file name
 *     per line, relative to /lib/modules) with finit_module, in that order;
 *     a kernel with everything built in simply has no order file;
 *   - brings up lo and eth0 (10.0.2.15/24, default route via 10.0.2.2,
 *     which is QEMU's user-mode network);
 *   - writes /etc/hosts and /etc/nsswitch.conf;
 *   - runs every executable file in /extra/boot.d, one at a time in name
 *     order, each with a time limit (BOOT_D_TIMEOUT_MS), its stdout and
 *     stderr copied to the console as "boot.d/NAME: <line>", followed by
 *     "a64stub-vm: boot.d/NAME exited with status N" (or "killed by ...");
 *     they are done before the stub listens;
 *   - starts /extra/autostart in the background if it is executable;
 *   - runs /bin/a64stub --multi :1234 and powers the machine off when it
 *     exits, reaping every other child meanwhile.
 *
 * Every line it prints starts with "a64stub-vm: ".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STUB_PATH	"/bin/a64stub"
#define STUB_PORT	"1234"
#define STUB_PORT2	"1235"
#define AUTOSTART	"/extra/autostart"
#define BOOT_D		"/extra/boot.d"
#define BOOT_D_MAX	64
#define BOOT_D_TIMEOUT_MS 30000
#define MODULE_DIR	"/lib/modules"
#define MODULE_ORDER	MODULE_DIR "/order"

#define GUEST_ADDR	"10.0.2.15"
#define GUEST_MASK	"255.255.255.0"
#define GUEST_GW	"10.0.2.2"

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "a64stub-vm: ");
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf) - 1)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(STDOUT_FILENO, buf, n) < 0) {
		/* Nowhere else to report it. */
	}
}

static void setup_console(void)
{
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);

	if (fd < 0)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

static void do_mount(const char *src, const char *dst, const char *type,
		     unsigned long flags, const char *data)
{
	mkdir(dst, 0755);
	if (mount(src, dst, type, flags, data) < 0 && errno != EBUSY)
		say("mount %s on %s failed: %s", type, dst, strerror(errno));
}

/* The test bed's CPU lanes (VM_CPU) differ in these: show them once. */
static void show_cpu_features(void)
{
	char line[1024];
	FILE *f;

	f = fopen("/proc/cpuinfo", "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *v;

		if (strncmp(line, "Features", 8) != 0 || !(v = strchr(line, ':')))
			continue;
		v += strspn(v + 1, " \t") + 1;
		v[strcspn(v, "\n")] = '\0';
		say("cpu features: %s", v);
		break;
	}
	fclose(f);
}

static void load_module(const char *name)
{
	char path[320];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", MODULE_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		say("module load failed: %s: open: %s", name, strerror(errno));
		return;
	}
	if (syscall(SYS_finit_module, fd, "", 0) < 0 && errno != EEXIST)
		say("module load failed: %s: %s", name, strerror(errno));
	close(fd);
}

static void load_modules(void)
{
	char line[256];
	FILE *f;

	f = fopen(MODULE_ORDER, "re");
	if (!f)
		return;		/* everything built in */
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, " \t\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		load_module(line);
	}
	fclose(f);
}

static int set_addr(int sk, const char *ifname, unsigned long req,
		    const char *addr)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, addr, &sin->sin_addr);
	if (ioctl(sk, req, &ifr) < 0) {
		say("%s: %s %s failed: %s", ifname,
		    req == SIOCSIFADDR ? "SIOCSIFADDR" : "SIOCSIFNETMASK",
		    addr, strerror(errno));
		return -1;
	}
	return 0;
}

static int if_up(int sk, const char *ifname)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(sk, SIOCGIFFLAGS, &ifr) < 0) {
		say("%s: SIOCGIFFLAGS failed: %s", ifname, strerror(errno));
		return -1;
	}
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (ioctl(sk, SIOCSIFFLAGS, &ifr) < 0) {
		say("%s: SIOCSIFFLAGS failed: %s", ifname, strerror(errno));
		return -1;
	}
	return 0;
}

static void wait_for_if(const char *ifname)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int i;

	for (i = 0; i < 150 && !if_nametoindex(ifname); i++)
		nanosleep(&ts, NULL);
}

static void setup_network(void)
{
	struct rtentry rt;
	struct sockaddr_in *sin;
	int sk;

	sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sk < 0) {
		say("network: socket failed: %s", strerror(errno));
		return;
	}
	/* The kernel adds 127.0.0.1/8 itself, and ::1/128 when it has IPv6. */
	if_up(sk, "lo");

	wait_for_if("eth0");
	if (!if_nametoindex("eth0")) {
		say("network: no eth0 (is virtio_net loaded?)");
		goto out;
	}
	if (set_addr(sk, "eth0", SIOCSIFADDR, GUEST_ADDR) < 0 ||
	    set_addr(sk, "eth0", SIOCSIFNETMASK, GUEST_MASK) < 0 ||
	    if_up(sk, "eth0") < 0)
		goto out;

	memset(&rt, 0, sizeof(rt));
	sin = (struct sockaddr_in *)&rt.rt_dst;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = INADDR_ANY;
	sin = (struct sockaddr_in *)&rt.rt_genmask;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = INADDR_ANY;
	sin = (struct sockaddr_in *)&rt.rt_gateway;
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, GUEST_GW, &sin->sin_addr);
	rt.rt_flags = RTF_UP | RTF_GATEWAY;
	if (ioctl(sk, SIOCADDRT, &rt) < 0 && errno != EEXIST)
		say("network: default route via %s failed: %s", GUEST_GW,
		    strerror(errno));
out:
	close(sk);
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	size_t len = strlen(text);

	if (fd < 0 || write(fd, text, len) != (ssize_t)len)
		say("cannot write %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
}

/* Child side of a fork: stdin from /dev/null, output to the console. */
/* In a child of init: no blocked signals, a session of its own, no stdin. */
static void child_setup(void)
{
	sigset_t none;
	int fd;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setsid();
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		if (fd != STDIN_FILENO)
			close(fd);
	}
}

static pid_t spawn(const char *what, char *const argv[], const char *dir)
{
	pid_t pid = fork();

	if (pid < 0) {
		say("fork for %s failed: %s", what, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		child_setup();
		if (dir && chdir(dir) < 0)
			say("chdir %s failed: %s", dir, strerror(errno));
		execv(argv[0], argv);
		say("exec %s failed: %s", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static void start_autostart(void)
{
	char *argv[] = { AUTOSTART, NULL };
	struct stat st;
	pid_t pid;

	if (stat(AUTOSTART, &st) < 0)
		return;
	if (!S_ISREG(st.st_mode) || access(AUTOSTART, X_OK) < 0) {
		say("%s exists but is not an executable file: not started",
		    AUTOSTART);
		return;
	}
	pid = spawn("autostart", argv, "/extra");
	if (pid > 0)
		say("started %s (pid %d)", AUTOSTART, (int)pid);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Print one line of a boot.d program's output with its prefix. */
static void boot_d_line(const char *name, const char *text, size_t len)
{
	char buf[1024];
	int n;

	n = snprintf(buf, sizeof(buf), "boot.d/%s: %.*s\n", name, (int)len,
		     text);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (write(STDOUT_FILENO, buf, n) < 0) {
		/* Nowhere else to report it. */
	}
}

/*
 * Run one boot.d program to completion (or until its time is up: then its
 * process group is killed), prefixing each line of its output.
 */
static void boot_d_run(const char *name)
{
	char path[512], buf[512];
	char *argv[] = { path, NULL };
	size_t used = 0;
	long t0 = now_ms(), left;
	int p[2], status, timed_out = 0;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", BOOT_D, name);
	if (pipe(p) < 0) {
		say("boot.d/%s: pipe failed: %s", name, strerror(errno));
		return;
	}
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	pid = fork();
	if (pid < 0) {
		say("boot.d/%s: fork failed: %s", name, strerror(errno));
		close(p[0]);
		close(p[1]);
		return;
	}
	if (pid == 0) {
		child_setup();
		dup2(p[1], STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		if (chdir("/extra") < 0) {
			/* Run from / then. */
		}
		execv(path, argv);
		dprintf(STDERR_FILENO, "exec failed: %s\n", strerror(errno));
		_exit(127);
	}
	close(p[1]);
	say("boot.d/%s started (pid %d)", name, (int)pid);
	for (;;) {
		struct pollfd pfd = { .fd = p[0], .events = POLLIN };
		ssize_t got;
		char *nl;

		left = t0 + BOOT_D_TIMEOUT_MS - now_ms();
		if (left <= 0) {
			timed_out = 1;
			break;
		}
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!pfd.revents)
			continue;
		got = read(p[0], buf + used, sizeof(buf) - used);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;		/* EOF: every writer is gone */
		used += got;
		while ((nl = memchr(buf, '\n', used))) {
			boot_d_line(name, buf, nl - buf);
			used -= nl + 1 - buf;
			memmove(buf, nl + 1, used);
		}
		if (used == sizeof(buf)) {	/* a very long line: split it */
			boot_d_line(name, buf, used);
			used = 0;
		}
	}
	if (used)
		boot_d_line(name, buf, used);
	close(p[0]);
	if (timed_out) {
		say("boot.d/%s: no end after %d ms: killing it", name,
		    BOOT_D_TIMEOUT_MS);
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			say("boot.d/%s: waitpid failed: %s", name,
			    strerror(errno));
			return;
		}
	}
	if (WIFEXITED(status))
		say("boot.d/%s exited with status %d (%ld ms)", name,
		    WEXITSTATUS(status), now_ms() - t0);
	else
		say("boot.d/%s killed by signal %d (%ld ms)", name,
		    WTERMSIG(status), now_ms() - t0);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run /extra/boot.d/'s executables in name order (dot files skipped). */
static void run_boot_d(void)
{
	char *names[BOOT_D_MAX];
	int i, n = 0;
	struct dirent *de;
	DIR *d = opendir(BOOT_D);

	if (!d)
		return;
	while ((de = readdir(d)) && n < BOOT_D_MAX) {
		char path[512];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", BOOT_D, de->d_name);
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
		    access(path, X_OK) < 0) {
			say("boot.d/%s is not an executable file: skipped",
			    de->d_name);
			continue;
		}
		names[n] = strdup(de->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_names);
	for (i = 0; i < n; i++) {
		boot_d_run(names[i]);
		free(names[i]);
	}
	say("boot.d done (%d programs)", n);
}

static void power_off(void)
{
	say("shutdown");
	sync();
	reboot(RB_POWER_OFF);
	say("reboot(RB_POWER_OFF) failed: %s", strerror(errno));
	for (;;)
		pause();
}

int main(void)
{
	char *stub_argv[] = { STUB_PATH, "--multi", ":" STUB_PORT, NULL };
	struct utsname uts;
	pid_t stub, pid;
	int status;

	setup_console();
	do_mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	do_mount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
	setup_console();	/* the devtmpfs one, in case rootfs had none */
	do_mount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
		 "gid=5,mode=620,ptmxmode=666");
	do_mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");

	if (uname(&uts) < 0)
		snprintf(uts.release, sizeof(uts.release), "?");
	say("init up (kernel %s)", uts.release);
	show_cpu_features();

	load_modules();
	setup_network();

	mkdir("/etc", 0755);
	write_file("/etc/hosts", "127.0.0.1 localhost\n");
	write_file("/etc/nsswitch.conf", "hosts: files\n");

	setenv("PATH", "/bin:/sbin:/extra", 1);
	setenv("HOME", "/", 1);
	setenv("GUEST_EXTRA", "/extra", 1);
	setenv("STUB_PORT", STUB_PORT, 1);
	setenv("STUB_PORT2", STUB_PORT2, 1);

	run_boot_d();
	start_autostart();

	stub = spawn("a64stub", stub_argv, "/");
	if (stub < 0)
		power_off();

	for (;;) {
		pid = wait(&status);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			say("wait failed: %s", strerror(errno));
			break;
		}
		if (pid != stub)
			continue;
		if (WIFEXITED(status))
			say("a64stub exited with status %d",
			    WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			say("a64stub killed by signal %d (%s)",
			    WTERMSIG(status), strsignal(WTERMSIG(status)));
		break;
	}
	power_off();
	return 0;
}
