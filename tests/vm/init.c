// SPDX-License-Identifier: MIT
/*
 * /init for the a64stub test guest.
 *
 * Runs as pid 1 from the initramfs:
 *   - mounts proc, sysfs, devtmpfs (/dev), devpts (/dev/pts), tmpfs (/tmp);
 *   - loads the kernel modules listed in /lib/modules/order (one file name
 *     per line, relative to /lib/modules) with finit_module, in that order;
 *     a kernel with everything built in simply has no order file;
 *   - brings up lo and eth0 (10.0.2.15/24, default route via 10.0.2.2,
 *     which is QEMU's user-mode network);
 *   - writes /etc/hosts and /etc/nsswitch.conf;
 *   - starts /extra/autostart in the background if it is executable;
 *   - runs /bin/a64stub --multi :1234 and powers the machine off when it
 *     exits, reaping every other child meanwhile.
 *
 * Every line it prints starts with "a64stub-vm: ".
 */
#include <errno.h>
#include <fcntl.h>
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
	if_up(sk, "lo");	/* the kernel adds 127.0.0.1/8 itself */

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
static void child_stdio(void)
{
	int fd = open("/dev/null", O_RDONLY);

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
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		setsid();
		child_stdio();
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
